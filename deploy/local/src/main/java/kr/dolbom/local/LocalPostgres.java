package kr.dolbom.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL for the stack: an embedded server (from the zonky binaries on Maven Central) whose data
 * directory survives restarts, or an existing server. Each service gets its own database and role.
 */
final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String adminUrl;
    private final Properties admin;

    private LocalPostgres(EmbeddedPostgres embedded, String host, int port, String adminUrl, Properties admin) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.adminUrl = adminUrl;
        this.admin = admin;
    }

    /**
     * A stack killed without its shutdown (SIGKILL, a crash) leaves its daemonised PostgreSQL running on the
     * data directory; stop it, so that the next start does not find the port taken by its own database.
     */
    static void stopLeftoverServer(StackOptions options) {
        Path pidFile = options.dataDir().resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid)
                    .filter(process -> process.info()
                            .commandLine()
                            .map(line -> line.contains(options.dataDir().toString()))
                            .orElse(false))
                    .ifPresent(leftover -> {
                        System.out.println("  stopping the PostgreSQL (pid " + pid + ") a previous stack left running");
                        leftover.destroy();
                        leftover.onExit()
                                .orTimeout(20, TimeUnit.SECONDS)
                                .exceptionally(timeout -> {
                                    leftover.destroyForcibly();
                                    return leftover;
                                })
                                .join();
                    });
        } catch (IOException | RuntimeException e) {
            // No readable pid file: nothing we started is running there.
        }
    }

    static LocalPostgres start(StackOptions options) {
        if (options.externalPostgres() != null) {
            return external(options);
        }
        int port = options.port(StackOptions.POSTGRES_PORT);
        Ports.requireFree(port, "embedded PostgreSQL");
        Path data = options.dataDir().resolve("postgres");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("unix_socket_directories", "")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            options.logs().resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                            options.logs().resolve("postgres.log").toFile()))
                    .start();
            Properties admin = new Properties();
            admin.setProperty("user", "postgres");
            return new LocalPostgres(
                    postgres, "127.0.0.1", port, "jdbc:postgresql://127.0.0.1:" + port + "/postgres", admin);
        } catch (IOException | RuntimeException e) {
            throw new StackFailure("embedded PostgreSQL did not start (" + rootMessage(e) + "); see "
                    + options.logs().resolve("postgres.log"));
        }
    }

    private static LocalPostgres external(StackOptions options) {
        String url = options.externalPostgres();
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new StackFailure(
                    "DOLBOM_POSTGRES_URL must be a JDBC URL like jdbc:postgresql://host:5432/postgres, not '" + url
                            + "'");
        }
        Properties admin = new Properties();
        admin.setProperty("user", options.postgresUser());
        admin.setProperty("password", options.postgresPassword());
        admin.setProperty("connectTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(url, admin)) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return new LocalPostgres(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), url, admin);
        } catch (SQLException e) {
            throw new StackFailure("cannot connect to PostgreSQL at " + url + " as " + options.postgresUser() + ": "
                    + firstLine(e.getMessage()));
        }
    }

    /** Creates the service's role and database unless they exist; an existing server may have them already. */
    void ensureDatabase(ServiceSpec service) {
        try (Connection connection = DriverManager.getConnection(adminUrl, admin)) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", service.database)) {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("create role " + service.database + " login password '" + service.database + "'");
                }
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", service.database)) {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("create database " + service.database + " owner " + service.database);
                }
            }
        } catch (SQLException e) {
            throw new StackFailure("cannot prepare database '" + service.database + "' for " + service.name + ": "
                    + firstLine(e.getMessage()));
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String describe() {
        return host + ":" + port + (embedded != null ? " (embedded)" : " (existing server)");
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return firstLine(root.getMessage() != null ? root.getMessage() : root.toString());
    }
}
