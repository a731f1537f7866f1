package kr.dolbom.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.dolbom.tokens.TokenClient;
import picocli.CommandLine;

/**
 * The whole system on one machine with nothing but a JDK: a KRaft broker and PostgreSQL from Maven
 * artifacts (or existing servers), one database per service, the local token issuer and the four services in JVMs
 * of their own on fixed ports, each service trusting that issuer only, and the demo district. Ctrl-C or SIGTERM
 * stops everything; the data (and the issuer's signing key) stays for the next start.
 */
public final class LocalStack {

    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final StackOptions options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private ServiceProcess issuer;
    private LocalKafka kafka;
    private LocalPostgres postgres;
    private volatile boolean stopping;

    LocalStack(StackOptions options) {
        this.options = options;
    }

    /** Exits with 2 for a command line it does not take or a stack that cannot start, 1 for a failed tour. */
    public static void main(String[] args) {
        // The embedded broker brings log4j-core; first touched by a shutdown hook, it would start its own hook
        // registry too late and print an error after the stack's last word. Logback writes our lines; log4j's
        // appenders need no hook of their own.
        System.setProperty("log4j2.shutdownHookEnabled", "false");
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
        watched()
                .forEach(service -> service.process().onExit().thenRun(() -> {
                    if (!stopping) {
                        System.err.println(service.name() + " stopped unexpectedly (exit code "
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
        Duration timeout = options.startupTimeout();
        System.out.println("Starting the dolbom local stack (data in " + options.dataDir()
                + "; each part may take up to " + timeout.toSeconds() + " s, see --startup-timeout)");
        // First: it needs neither database nor broker, and the services fetch its keys at their first token.
        issuer = LocalIssuer.process(options);
        LocalIssuer.start(issuer, options);
        if (!options.security()) {
            System.out.println("  NO SECURITY — comparison only (--no-security): the services read the callers from"
                    + " tokens without checking signature, issuer or expiry");
        }
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
                    options.servicesDir().resolve(spec.name + ".jar"),
                    options.serviceJavaOptions(),
                    arguments(spec),
                    LocalIssuer.serviceEnvironment(options));
        }
        awaitReady(watched(), timeout, System.out);
        printSummary(seconds(began));
    }

    /** The issuer and the services: what is waited for and watched. */
    private List<ServiceProcess> watched() {
        List<ServiceProcess> all = new ArrayList<>();
        if (issuer != null) {
            all.add(issuer);
        }
        all.addAll(services);
        return all;
    }

    /** Every port the stack will listen on, checked before anything starts, so nothing is left half-started. */
    private void requirePortsFree() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            Ports.requireFree(options.port(spec), spec.name);
        }
        Ports.requireFree(options.authPort(), "the local token issuer");
        if (options.externalKafka() == null) {
            Ports.requireFree(options.port(StackOptions.KAFKA_PORT), "Kafka");
            Ports.requireFree(options.port(StackOptions.KAFKA_CONTROLLER_PORT), "the Kafka controller");
        }
        if (options.externalPostgres() == null) {
            Ports.requireFree(options.port(StackOptions.POSTGRES_PORT), "embedded PostgreSQL");
        }
    }

    /**
     * Waits until every service answers its readiness probe, saying every {@link #PROGRESS_EVERY} which ones it
     * still waits for and why; the first one not ready in time fails the start in one line naming it and its log.
     */
    static void awaitReady(List<ServiceProcess> services, Duration timeout, PrintStream out) {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        long nextReport = began + PROGRESS_EVERY.toNanos();
        Map<ServiceProcess, String> waiting = new LinkedHashMap<>();
        services.forEach(service -> waiting.put(service, "starting"));
        while (!waiting.isEmpty()) {
            for (var entry : waiting.entrySet()) {
                entry.setValue(String.valueOf(entry.getKey().notReadyBecause()));
            }
            waiting.values().removeIf("null"::equals);
            long now = System.nanoTime();
            if (waiting.isEmpty()) {
                return;
            }
            if (now >= deadline) {
                ServiceProcess late = waiting.keySet().iterator().next();
                throw new StackFailure(late.name() + " was not ready within " + timeout.toSeconds() + " s ("
                        + waiting.get(late) + ") — see " + late.log()
                        + "; on a loaded machine try --startup-timeout=N");
            }
            if (now >= nextReport) {
                out.printf(
                        "  %.0f s of %d: still waiting for %s%n",
                        (now - began) / 1e9,
                        timeout.toSeconds(),
                        waiting.entrySet().stream()
                                .map(entry -> entry.getKey().name() + " (" + entry.getValue() + ")")
                                .collect(Collectors.joining(", ")));
                nextReport = now + PROGRESS_EVERY.toNanos();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackFailure("interrupted while waiting for "
                        + waiting.keySet().iterator().next().name());
            }
        }
    }

    private List<String> arguments(ServiceSpec spec) {
        return arguments(options, spec, kafka.bootstrapServers(), postgres);
    }

    /** How the stack starts a service: its port, the broker, its database, the demo district. */
    static List<String> arguments(
            StackOptions options, ServiceSpec spec, String bootstrapServers, LocalPostgres postgres) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + options.port(spec),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
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
                "%n  Kafka      %s%n  PostgreSQL %s (databases intake, matching, billing, reporting, each reached only"
                        + " by its own role: intake/intake, …; superuser postgres)%s%n",
                kafka.describe(),
                postgres.describe(),
                options.unsafeCommits() ? "\n             NOT DURABLE: synchronous_commit=off, fsync=off" : "");
        System.out.printf("  Logs       %s%n%n", options.logs());
        if (!options.security()) {
            System.out.println("  NO SECURITY — comparison only: the services were started with "
                    + "DOLBOM_SECURITY_ENABLED=false and believe any token's claims without checking it.");
        }
        System.out.printf(
                "  Issuer     %s (local, deploy/auth; signing key %s). Every API call needs its token.%n",
                LocalIssuer.uri(options), LocalIssuer.keyFile(options));
        System.out.printf(
                "  A token for each demo role, one command each (client credentials, dev secret %s):%n",
                TokenClient.DEV_SECRET);
        for (List<String> role : LocalIssuer.DEMO_ROLES) {
            System.out.printf("    %-22s %s%n", role.get(0), LocalIssuer.tokenCommand(options, role.get(1)));
        }
        System.out.printf(
                "    e.g. curl -H \"Authorization: Bearer $(%s)\" http://localhost:%d/api/v1/tariffs%n",
                LocalIssuer.tokenCommand(options, "billing@mapo"), options.port(ServiceSpec.BILLING));
        System.out.println("    every provider@<id> of the demo providers; Swagger UI signs in through the issuer"
                + " (Authorize, client dolbom-web, any name above, password the dev secret)");
        System.out.println();
        System.out.println("Walk one care order through its life:  deploy/local/demo.sh"
                + (options.portOffset() == 0 ? "" : " --port-offset=" + options.portOffset())
                + (options.authPort() == options.port(LocalIssuer.PORT) ? "" : " --auth-port=" + options.authPort())
                + (options.security() ? "" : " --no-security"));
        System.out.println("Ctrl-C stops everything; the next start keeps the data (--fresh wipes it).");
    }

    /** Stops the services first (their last commits still reach Kafka), then Kafka, then PostgreSQL. */
    synchronized void stop(boolean report) {
        stopping = true;
        if (services.isEmpty() && issuer == null && kafka == null && postgres == null) {
            return;
        }
        long began = System.nanoTime();
        if (report) {
            System.out.println("Stopping the local stack…");
        }
        services.parallelStream().forEach(service -> service.stop(STOP_GRACE));
        services.clear();
        // After the services: they may still check a token while they drain.
        if (issuer != null) {
            issuer.stop(STOP_GRACE);
            issuer = null;
        }
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
