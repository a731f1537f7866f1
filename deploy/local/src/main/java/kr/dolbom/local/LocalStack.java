package kr.dolbom.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The whole system on one machine with nothing but a JDK: a KRaft broker and PostgreSQL from Maven
 * artifacts (or existing servers), one database per service, the four services in JVMs of their own on
 * fixed ports, and the demo district. Ctrl-C or SIGTERM stops everything; the data stays for the next start.
 */
public final class LocalStack {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final StackOptions options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalKafka kafka;
    private LocalPostgres postgres;
    private volatile boolean stopping;

    LocalStack(StackOptions options) {
        this.options = options;
    }

    /** Exits with 2 for a command line it does not take or a stack that cannot start, 1 for a failed tour. */
    public static void main(String[] args) {
        // Before any parallel start: a logging system initialised by two threads at once replays its warm-up noise.
        org.slf4j.LoggerFactory.getLogger(LocalStack.class);
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** A wrong argument is told in one line, the way a failed start is, not followed by the whole help. */
    static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new StackOptions(env)).setParameterExceptionHandler((wrong, args) -> {
            PrintWriter err = wrong.getCommandLine().getErr();
            err.println("local stack: " + wrong.getMessage() + "; try --help");
            CommandLine.UnmatchedArgumentException.printSuggestions(wrong, err);
            return CommandLine.ExitCode.USAGE;
        });
    }

    /** Returns once Ctrl-C or SIGTERM has stopped everything, or at once when the start failed. */
    int runUntilStopped() {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop(true);
                            stopped.countDown();
                        },
                        "local-stack-stop"));
        try {
            start();
        } catch (StackFailure failure) {
            stop(false);
            System.err.println("local stack: " + failure.getMessage());
            return 2;
        }
        services.forEach(service -> service.process().onExit().thenRun(() -> {
            if (!stopping) {
                System.err.println(service.spec().name + " stopped unexpectedly (exit code "
                        + service.process().exitValue() + "); see " + service.log());
            }
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    void start() {
        long began = System.nanoTime();
        if (options.externalPostgres() == null) {
            LocalPostgres.stopLeftoverServer(options);
        }
        requirePortsFree();
        prepareDataDirectory();
        System.out.println("Starting the dolbom local stack (data in " + options.dataDir() + ")");
        CompletableFuture<LocalPostgres> database = CompletableFuture.supplyAsync(() -> LocalPostgres.start(options));
        CompletableFuture<LocalKafka> broker = CompletableFuture.supplyAsync(() -> LocalKafka.start(options));
        postgres = join(database);
        kafka = join(broker);
        System.out.printf(
                "  PostgreSQL %s and Kafka %s up after %.1f s%n",
                postgres.describe(), kafka.describe(), seconds(began));
        for (ServiceSpec spec : ServiceSpec.values()) {
            postgres.ensureDatabase(spec);
        }
        for (ServiceSpec spec : ServiceSpec.values()) {
            ServiceProcess service =
                    new ServiceProcess(spec, options.port(spec), options.logs().resolve(spec.name + ".log"));
            services.add(service);
            service.start(
                    options.servicesDir().resolve(spec.name + ".jar"), options.serviceJavaOptions(), arguments(spec));
        }
        services.parallelStream().forEach(service -> service.awaitReady(READY_TIMEOUT));
        printSummary(seconds(began));
    }

    /** Every port the stack will listen on, checked before anything starts, so nothing is left half-started. */
    private void requirePortsFree() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            Ports.requireFree(options.port(spec), spec.name);
        }
        if (options.externalKafka() == null) {
            Ports.requireFree(options.port(StackOptions.KAFKA_PORT), "Kafka");
            Ports.requireFree(options.port(StackOptions.KAFKA_CONTROLLER_PORT), "the Kafka controller");
        }
        if (options.externalPostgres() == null) {
            Ports.requireFree(options.port(StackOptions.POSTGRES_PORT), "embedded PostgreSQL");
        }
    }

    private List<String> arguments(ServiceSpec spec) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + options.port(spec),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--dolbom.db.host=" + postgres.host(),
                "--dolbom.db.port=" + postgres.port(),
                "--dolbom.demo-data=true"));
        arguments.addAll(spec.demoArguments());
        return arguments;
    }

    private void printSummary(double startSeconds) {
        String month = YearMonth.now(ZoneId.of("Asia/Seoul")).toString();
        System.out.printf("%nThe dolbom local stack is up in %.1f s.%n%n", startSeconds);
        for (ServiceProcess service : services) {
            String base = "http://localhost:" + service.port();
            String memory = service.residentKiB()
                    .map(kib -> String.format("%d MiB resident", kib / 1024))
                    .orElse("");
            System.out.printf(
                    "  %-18s %s  API %s%s%n",
                    service.spec().name,
                    memory,
                    base,
                    service.spec().entryPoint + (service.spec() == ServiceSpec.REPORTING ? month : ""));
            System.out.printf(
                    "  %-18s Swagger UI %s/swagger-ui.html  health %s/actuator/health  "
                            + "metrics %s/actuator/prometheus%n",
                    "", base, base, base);
        }
        System.out.printf(
                "%n  Kafka      %s%n  PostgreSQL %s (databases intake, matching, billing, reporting)%n",
                kafka.describe(), postgres.describe());
        System.out.printf("  Logs       %s%n%n", options.logs());
        System.out.println("Walk one care order through its life:  deploy/local/demo.sh"
                + (options.portOffset() == 0 ? "" : " --port-offset=" + options.portOffset()));
        System.out.println("Ctrl-C stops everything; the next start keeps the data (--fresh wipes it).");
    }

    /** Stops the services first (their last commits still reach Kafka), then Kafka, then PostgreSQL. */
    synchronized void stop(boolean report) {
        stopping = true;
        if (services.isEmpty() && kafka == null && postgres == null) {
            return;
        }
        long began = System.nanoTime();
        if (report) {
            System.out.println("Stopping the local stack…");
        }
        services.parallelStream().forEach(service -> service.stop(STOP_GRACE));
        services.clear();
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        if (report) {
            System.out.printf("Stopped in %.1f s.%n", seconds(began));
        }
    }

    private void prepareDataDirectory() {
        try {
            if (options.fresh() && Files.exists(options.dataDir())) {
                try (Stream<Path> files = Files.walk(options.dataDir())) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(path -> path.toFile().delete());
                }
            }
            Files.createDirectories(options.logs());
        } catch (IOException e) {
            throw new StackFailure("cannot prepare the data directory " + options.dataDir() + ": " + e.getMessage());
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StackFailure failure) {
                throw failure;
            }
            throw new StackFailure(String.valueOf(e.getCause()));
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Seoul"));
    }
}
