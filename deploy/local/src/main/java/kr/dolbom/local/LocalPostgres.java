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
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL for the stack: an embedded server (from the zonky binaries on Maven Central) whose data
 * directory survives restarts, or an existing server. Each service gets its own database and role, and only
 * that role may connect to it. The embedded server is durable (a commit is on disk when it is answered) and
 * asks everyone for a password (SCRAM), as a real deployment would: the stack is where the services' promises
 * are tried, so it must not keep them more easily than production does.
 */
final class LocalPostgres implements AutoCloseable {

    /** Every connection, over TCP or a socket, with a password; nothing trusted for being local. */
    static final String PASSWORDS_ONLY = """
            # Written by the local stack at every start: every role needs its password (SCRAM).
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

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
                    .setPGStartupWait(options.startupTimeout())
                    // zonky's defaults trade durability for speed (synchronous_commit=off, and -F: fsync=off).
                    .setServerConfig("synchronous_commit", options.unsafeCommits() ? "off" : "on")
                    .setServerConfig("fsync", options.unsafeCommits() ? "off" : "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", options.postgresPassword())
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("unix_socket_directories", "")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(
                            options.logs().resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(
                            options.logs().resolve("postgres.log").toFile()))
                    .start();
            Properties admin = new Properties();
            admin.setProperty("user", "postgres");
            admin.setProperty("password", options.postgresPassword());
            LocalPostgres server = new LocalPostgres(
                    postgres, "127.0.0.1", port, "jdbc:postgresql://127.0.0.1:" + port + "/postgres", admin);
            server.requirePasswords(data);
            server.requireDurability(!options.unsafeCommits());
            return server;
        } catch (SQLException e) {
            throw new StackFailure("embedded PostgreSQL cannot be secured (" + firstLine(e.getMessage()) + "); see "
                    + options.logs().resolve("postgres.log"));
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

    /**
     * A new data directory comes out of initdb trusting every local connection, and zonky starts it that way;
     * from here on the superuser has its password and everyone needs theirs. Done at every start, so that a
     * data directory from an older stack is secured too.
     */
    private void requirePasswords(Path data) throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(adminUrl, admin);
                Statement sql = connection.createStatement()) {
            sql.execute("alter role postgres password " + literal(admin.getProperty("password")));
            Files.writeString(data.resolve("pg_hba.conf"), PASSWORDS_ONLY);
            sql.execute("select pg_reload_conf()");
            // Only the services' own databases are theirs to reach; the maintenance database is not.
            sql.execute("revoke connect on database postgres from public");
        }
    }

    private void requireDurability(boolean durable) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, admin);
                Statement sql = connection.createStatement()) {
            for (String setting : new String[] {"synchronous_commit", "fsync"}) {
                try (var row = sql.executeQuery("show " + setting)) {
                    row.next();
                    String value = row.getString(1);
                    if (durable && !"on".equals(value)) {
                        throw new StackFailure("embedded PostgreSQL runs with " + setting + "=" + value
                                + ": it would answer commits it may lose");
                    }
                }
            }
        }
    }

    /**
     * Creates the service's role (password: its name, the services' default) and database unless they exist
     * (an existing server may have them already, with its own passwords), and lets only that role connect.
     */
    void ensureDatabase(ServiceSpec service) {
        try (Connection connection = DriverManager.getConnection(adminUrl, admin)) {
            try (Statement sql = connection.createStatement()) {
                if (!exists(connection, "select 1 from pg_roles where rolname = ?", service.database)) {
                    sql.execute("create role " + service.database + " login password " + literal(service.database));
                }
                if (!exists(connection, "select 1 from pg_database where datname = ?", service.database)) {
                    sql.execute("create database " + service.database + " owner " + service.database);
                }
                sql.execute("revoke connect, temporary on database " + service.database + " from public");
                sql.execute("grant connect on database " + service.database + " to " + service.database);
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

    /** A string literal for statements that take no parameters (ALTER ROLE … PASSWORD). */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
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

    String adminUrl() {
        return adminUrl;
    }

    /** The embedded server's postmaster, which the data directory's pid file names; empty for an existing server. */
    Optional<ProcessHandle> postmaster(Path dataDir) {
        if (embedded == null) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                            .get(0)
                            .trim());
            return ProcessHandle.of(pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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
