package kr.dolbom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The stack's embedded PostgreSQL keeps what it answers and lets each service into its own database only. */
class LocalPostgresIT {

    private static final int OFFSET = 14_000;

    @Test
    void durablePasswordsOnlyAndEachRoleInItsOwnDatabaseAlsoAfterARestart() throws Exception {
        Path data = Files.createTempDirectory("local-postgres-it");
        StackOptions options = options(data);
        Files.createDirectories(options.logs());
        String url = "jdbc:postgresql://127.0.0.1:" + options.port(StackOptions.POSTGRES_PORT) + "/";
        for (int start = 0; start < 2; start++) {
            try (LocalPostgres postgres = LocalPostgres.start(options)) {
                for (ServiceSpec spec : ServiceSpec.values()) {
                    postgres.ensureDatabase(spec);
                }
                try (Connection admin = connect(url + "postgres", "postgres", "postgres")) {
                    assertThat(show(admin, "synchronous_commit")).isEqualTo("on");
                    assertThat(show(admin, "fsync")).isEqualTo("on");
                    assertThat(show(admin, "password_encryption")).isEqualTo("scram-sha-256");
                }
                try (Connection intake = connect(url + "intake", "intake", "intake")) {
                    assertThat(intake.isValid(5))
                            .as("intake in its own database")
                            .isTrue();
                }
                assertThatThrownBy(() -> connect(url + "intake", "billing", "billing"))
                        .as("billing in intake's database")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied for database \"intake\"");
                assertThatThrownBy(() -> connect(url + "postgres", "reporting", "reporting"))
                        .as("a service in the maintenance database")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> connect(url + "intake", "intake", "wrong"))
                        .as("a wrong password")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("password authentication failed");
                assertThatThrownBy(() -> connect(url + "postgres", "postgres", ""))
                        .as("the superuser without its password")
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void theBenchmarksUnsafeModeIsTheOnlyWayToLoseCommits() throws Exception {
        Path data = Files.createTempDirectory("local-postgres-unsafe");
        StackOptions options = options(data, "--unsafe-commits");
        Files.createDirectories(options.logs());
        try (LocalPostgres postgres = LocalPostgres.start(options);
                Connection admin = connect(
                        "jdbc:postgresql://127.0.0.1:" + options.port(StackOptions.POSTGRES_PORT) + "/postgres",
                        "postgres",
                        "postgres")) {
            assertThat(show(admin, "synchronous_commit")).isEqualTo("off");
            assertThat(show(admin, "fsync")).isEqualTo("off");
        }
    }

    private static StackOptions options(Path data, String... more) {
        CommandLine commandLine = LocalStack.commandLine(Map.of());
        String[] args = new String[more.length + 2];
        args[0] = "--data-dir=" + data;
        args[1] = "--port-offset=" + OFFSET;
        System.arraycopy(more, 0, args, 2, more.length);
        commandLine.parseArgs(args);
        return commandLine.getCommand();
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(url, properties);
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("show " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
