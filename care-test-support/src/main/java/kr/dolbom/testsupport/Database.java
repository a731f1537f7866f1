package kr.dolbom.testsupport;

/** A database of its own for one service under test, owned by a role of the same name. */
public record Database(String host, int port, String name, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
    }
}
