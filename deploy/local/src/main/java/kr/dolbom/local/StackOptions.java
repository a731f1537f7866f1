package kr.dolbom.local;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How to run the stack, from the command line and the environment. {@code deploy/local/run.sh} runs it with
 * {@code up}, {@code deploy/local/demo.sh} with {@code demo}; the options may come before or after the word.
 */
@Command(
        name = "java -jar local-stack.jar",
        sortOptions = false,
        sortSynopsis = false,
        usageHelpAutoWidth = true,
        description = {
            "The whole dolbom system on this machine with only a JDK: Kafka, PostgreSQL, the local token issuer and "
                    + "the four services (every API call needs a token of that issuer), with the demo district.",
            ""
        },
        footer = {
            "",
            "Environment:",
            "  DOLBOM_KAFKA_BOOTSTRAP_SERVERS  a Kafka to use instead of the embedded broker",
            "  DOLBOM_POSTGRES_URL             a PostgreSQL to use instead (a JDBC URL), with",
            "  DOLBOM_POSTGRES_USER            a role that may create the services' databases",
            "  DOLBOM_POSTGRES_PASSWORD        and roles (default postgres, no password; the embedded",
            "                                  server's superuser postgres has password postgres)",
            "  DOLBOM_STARTUP_TIMEOUT          as --startup-timeout",
            "  DOLBOM_SERVICE_JAVA_OPTS        the services' JVM flags",
            "                                  (default " + StackOptions.SERVICE_JAVA_OPTIONS + ")"
        })
final class StackOptions implements Callable<Integer> {

    static final int KAFKA_PORT = 9092;
    static final int KAFKA_CONTROLLER_PORT = 9093;
    static final int POSTGRES_PORT = 15432;
    /**
     * Four JVMs, a broker and a database share the machine: the client compiler only (C1), because in a short run
     * C2's compile threads took more CPU than any request path, and its code cache the memory (README, Benchmark).
     * Sustained load is C2's: the benchmark and a deployment (Helm) keep the JVM's default.
     */
    static final String SERVICE_JAVA_OPTIONS = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    /** Generous: four JVMs, a broker and a database starting at once on two loaded cores take minutes. */
    static final int STARTUP_TIMEOUT_SECONDS = 300;

    static final String EMBEDDED_SUPERUSER_PASSWORD = "postgres";

    /** The words of the command line, hence lower case. */
    enum Action {
        up,
        demo
    }

    @Parameters(
            arity = "0..1",
            paramLabel = "up|demo",
            defaultValue = "up",
            description = {
                "up    start Kafka, PostgreSQL, the issuer and the four services with the demo district (default)",
                "demo  walk one care order through its life against a running stack"
            })
    private Action action;

    @Option(names = "--fresh", description = "wipe the stack's data (databases, Kafka log) before starting")
    private boolean fresh;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = ".local-stack",
            description = "where the data and logs live (default ${DEFAULT-VALUE})")
    private Path dataDir;

    /** Added to every port, so that a second stack (a test, the benchmark) can run beside the first. */
    @Option(
            names = "--port-offset",
            paramLabel = "N",
            description = "add N to every port (8081-8084, 9000, 9092-9093, 15432)")
    private int portOffset;

    // Null when not given: 9000 plus the offset.
    @Option(
            names = "--auth-port",
            paramLabel = "PORT",
            description = "where the local token issuer listens (default " + LocalIssuer.PORT
                    + " plus --port-offset); deploy/local/token.sh finds it through DOLBOM_AUTH_URL")
    private Integer authPort;

    @Option(
            names = "--no-security",
            description = "NO SECURITY, for the benchmark's comparison only: the services take the callers from "
                    + "tokens without checking them (DOLBOM_SECURITY_ENABLED=false)")
    private boolean noSecurity;

    @Option(
            names = "--services-dir",
            paramLabel = "DIR",
            description = "where the services' jars are (default: services/ next to the launcher's jar)")
    private Path servicesDir = defaultServicesDir();

    // Null when not given: DOLBOM_STARTUP_TIMEOUT, then the default, apply.
    @Option(
            names = "--startup-timeout",
            paramLabel = "SECONDS",
            description = "how long each part (PostgreSQL, each service) may take to become ready (default "
                    + STARTUP_TIMEOUT_SECONDS + ", or DOLBOM_STARTUP_TIMEOUT)")
    private Integer startupTimeoutSeconds;

    /** Only for the benchmark's labelled non-durable runs (bench --unsafe-commits), hence not in the help. */
    @Option(names = "--unsafe-commits", hidden = true)
    private boolean unsafeCommits;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    private boolean help;

    private final String externalKafka;
    private final String externalPostgres;
    private final String postgresUser;
    private final String postgresPassword;
    private final String serviceJavaOptions;
    private final String startupTimeoutFromEnvironment;

    /**
     * @param env {@code DOLBOM_KAFKA_BOOTSTRAP_SERVERS}, a Kafka to use instead of the embedded broker;
     *            {@code DOLBOM_POSTGRES_URL}, the JDBC URL of a PostgreSQL to use instead of the embedded one,
     *            with a role that can create the services' databases and roles where they are missing
     */
    StackOptions(Map<String, String> env) {
        externalKafka = blankToNull(env.get("DOLBOM_KAFKA_BOOTSTRAP_SERVERS"));
        externalPostgres = blankToNull(env.get("DOLBOM_POSTGRES_URL"));
        postgresUser = env.getOrDefault("DOLBOM_POSTGRES_USER", "postgres");
        String password = blankToNull(env.get("DOLBOM_POSTGRES_PASSWORD"));
        postgresPassword = password != null ? password : externalPostgres != null ? "" : EMBEDDED_SUPERUSER_PASSWORD;
        serviceJavaOptions = env.getOrDefault("DOLBOM_SERVICE_JAVA_OPTS", SERVICE_JAVA_OPTIONS);
        startupTimeoutFromEnvironment = blankToNull(env.get("DOLBOM_STARTUP_TIMEOUT"));
    }

    @Override
    public Integer call() {
        return switch (action) {
            case up -> new LocalStack(this).runUntilStopped();
            case demo -> new Demo(this).run(System.out) ? 0 : 1;
        };
    }

    Action action() {
        return action;
    }

    Path dataDir() {
        return dataDir.toAbsolutePath().normalize();
    }

    boolean fresh() {
        return fresh;
    }

    int portOffset() {
        return portOffset;
    }

    String externalKafka() {
        return externalKafka;
    }

    String externalPostgres() {
        return externalPostgres;
    }

    String postgresUser() {
        return postgresUser;
    }

    String postgresPassword() {
        return postgresPassword;
    }

    Path servicesDir() {
        return servicesDir;
    }

    String serviceJavaOptions() {
        return serviceJavaOptions;
    }

    /** From the command line, else {@code DOLBOM_STARTUP_TIMEOUT}, else the default; in whole seconds. */
    Duration startupTimeout() {
        int seconds;
        if (startupTimeoutSeconds != null) {
            seconds = startupTimeoutSeconds;
        } else if (startupTimeoutFromEnvironment != null) {
            try {
                seconds = Integer.parseInt(startupTimeoutFromEnvironment.trim());
            } catch (NumberFormatException e) {
                throw new StackFailure("DOLBOM_STARTUP_TIMEOUT must be a number of seconds, not '"
                        + startupTimeoutFromEnvironment + "'");
            }
        } else {
            seconds = STARTUP_TIMEOUT_SECONDS;
        }
        if (seconds <= 0) {
            throw new StackFailure("the start-up timeout must be a positive number of seconds, not " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }

    boolean unsafeCommits() {
        return unsafeCommits;
    }

    /** True unless {@code --no-security}: the services require tokens of the local issuer. */
    boolean security() {
        return !noSecurity;
    }

    int authPort() {
        return authPort != null ? authPort : port(LocalIssuer.PORT);
    }

    int port(int base) {
        return base + portOffset;
    }

    int port(ServiceSpec service) {
        return port(service.port);
    }

    Path logs() {
        return dataDir().resolve("logs");
    }

    /** Next to the launcher jar, where the build copies the services' jars. */
    private static Path defaultServicesDir() {
        Path launcher = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0])
                .toAbsolutePath();
        return launcher.getParent().resolve("services");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
