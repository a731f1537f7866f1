package kr.dolbom.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates per-service databases and roles through an administrative JDBC connection. */
final class Databases {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String host;
    private final int port;
    private final String adminUrl;

    Databases(String host, int port, String adminUrl) {
        this.host = host;
        this.port = port;
        this.adminUrl = adminUrl;
    }

    Database create(String service) {
        // Unique per run as well, so that a shared server keeps no state between runs.
        String name = ("t_" + service + "_" + ProcessHandle.current().pid() + "_" + SEQUENCE.incrementAndGet())
                .replace('-', '_')
                .toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(adminUrl);
                Statement sql = admin.createStatement()) {
            sql.execute("create role " + name + " login password '" + name + "'");
            sql.execute("create database " + name + " owner " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " via " + adminUrl, e);
        }
        return new Database(host, port, name, name, name);
    }

    void drop(Database db) {
        try (Connection admin = DriverManager.getConnection(adminUrl);
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + db.name() + " with (force)");
            sql.execute("drop role if exists " + db.user());
        } catch (SQLException e) {
            // Best effort at shutdown: a leftover test database is harmless and visible by its name.
        }
    }
}
