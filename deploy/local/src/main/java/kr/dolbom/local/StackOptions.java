package kr.dolbom.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the stack, from the command line and the environment.
 *
 * @param externalKafka    bootstrap servers of a Kafka to use instead of the embedded broker
 * @param externalPostgres JDBC URL of a PostgreSQL to use instead of the embedded one, with a role that can
 *                         create the services' databases and roles where they are missing
 * @param portOffset       added to every port, so that a second stack (a test) can run beside the first
 */
record StackOptions(String command, Path dataDir, boolean fresh, int portOffset, String externalKafka,
        String externalPostgres, String postgresUser, String postgresPassword, Path servicesDir,
        String serviceJavaOptions) {

    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int POSTGRES_PORT = 15432;

    static StackOptions parse(String[] args, Map<String, String> env) {
        String command = "up";
        Path dataDir = Path.of(".local-stack");
        boolean fresh = false;
        int offset = 0;
        Path services = defaultServicesDir();
        for (String arg : args) {
            if (arg.equals("up") || arg.equals("demo")) {
                command = arg;
            } else if (arg.equals("--fresh")) {
                fresh = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(value(arg));
            } else if (arg.startsWith("--port-offset=")) {
                offset = parsePort(value(arg));
            } else if (arg.startsWith("--services-dir=")) {
                services = Path.of(value(arg));
            } else if (arg.equals("--help") || arg.equals("-h")) {
                command = "help";
            } else {
                throw new StackFailure("unknown argument '" + arg + "'; try --help");
            }
        }
        return new StackOptions(command, dataDir.toAbsolutePath().normalize(), fresh, offset,
                blankToNull(env.get("DOLBOM_KAFKA_BOOTSTRAP_SERVERS")), blankToNull(env.get("DOLBOM_POSTGRES_URL")),
                env.getOrDefault("DOLBOM_POSTGRES_USER", "postgres"), env.getOrDefault("DOLBOM_POSTGRES_PASSWORD", ""),
                services, env.getOrDefault("DOLBOM_SERVICE_JAVA_OPTS", "-Xmx256m -XX:+UseSerialGC"));
    }

    static String usage() {
        return """
                usage: java -jar local-stack.jar [up|demo] [--fresh] [--data-dir=DIR] [--port-offset=N]
                  up      start Kafka, PostgreSQL and the four services with the demo district (default)
                  demo    walk one care order through its life against a running stack
                  --fresh          wipe the stack's data (databases, Kafka log) before starting
                  --data-dir=DIR   where the data and logs live (default .local-stack)
                  --port-offset=N  add N to every port (8081-8084, 9092-9093, 15432)
                environment: DOLBOM_KAFKA_BOOTSTRAP_SERVERS, DOLBOM_POSTGRES_URL (+ _USER, _PASSWORD) use
                existing servers instead of the embedded ones; DOLBOM_SERVICE_JAVA_OPTS sets the services' JVM flags""";
    }

    int port(int base) {
        return base + portOffset;
    }

    int port(ServiceSpec service) {
        return port(service.port);
    }

    Path logs() {
        return dataDir.resolve("logs");
    }

    /** Next to the launcher jar, where the build copies the services' jars. */
    private static Path defaultServicesDir() {
        Path launcher = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0])
                .toAbsolutePath();
        return launcher.getParent().resolve("services");
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StackFailure("--port-offset takes a whole number, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
