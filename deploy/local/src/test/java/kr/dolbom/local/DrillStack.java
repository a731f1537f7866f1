package kr.dolbom.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kr.dolbom.tokens.TokenClient;
import picocli.CommandLine;

/**
 * The local stack built from the launcher's own parts (the same {@link LocalPostgres}, {@link LocalKafka},
 * {@link LocalIssuer}, {@link ServiceProcess} and arguments), but with each part in a process the drills can kill
 * with SIGKILL and start again on the same data, as a crash and a restart by a supervisor would. The issuer is not
 * one of the parts the drills take away.
 */
final class DrillStack implements AutoCloseable {

    private final StackOptions options;
    private final Map<ServiceSpec, ServiceProcess> services = new EnumMap<>(ServiceSpec.class);
    /** The second instance of each service, once {@link #scaleOut()} started them: same database, same groups. */
    private final Map<ServiceSpec, ServiceProcess> seconds = new EnumMap<>(ServiceSpec.class);

    private final ServiceProcess issuer;
    private final TokenClient tokens;
    private LocalPostgres postgres;
    private KafkaBroker broker;

    DrillStack(Path dataDir, int portOffset) {
        CommandLine commandLine = LocalStack.commandLine(System.getenv());
        commandLine.parseArgs(
                "--data-dir=" + dataDir,
                "--port-offset=" + portOffset,
                // where the build copies them; the launcher finds them next to its own jar instead
                "--services-dir=" + Path.of("target/services").toAbsolutePath());
        this.options = commandLine.getCommand();
        this.issuer = LocalIssuer.process(options);
        this.tokens = TokenClient.of(LocalIssuer.uri(options));
    }

    void start() throws IOException {
        LocalPostgres.stopLeftoverServer(options);
        java.nio.file.Files.createDirectories(options.logs());
        LocalIssuer.start(issuer, options);
        startPostgres();
        for (ServiceSpec spec : ServiceSpec.values()) {
            postgres.ensureDatabase(spec);
        }
        startBroker();
        for (ServiceSpec spec : ServiceSpec.values()) {
            launch(spec);
        }
        List<ServiceProcess> all = new ArrayList<>(List.of(issuer));
        all.addAll(services.values());
        LocalStack.awaitReady(all, options.startupTimeout(), System.out);
    }

    void startPostgres() {
        postgres = LocalPostgres.start(options);
    }

    /** SIGKILL to the postmaster and every backend at once: what the machine going down looks like to it. */
    void killPostgres() throws IOException, InterruptedException {
        ProcessHandle postmaster = postgres.postmaster(options.dataDir())
                .orElseThrow(() -> new IllegalStateException("no postmaster running"));
        // Frozen first, so that it forks nothing while its children are listed: a postmaster that sees a child
        // die starts crash recovery at once, and a recovery process it forked after the list outlived the kill
        // holding the shared memory, so PostgreSQL could not start again.
        signal(postmaster.pid(), "STOP");
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
        releasePostgres();
    }

    /** A clean stop (pg_ctl stop -m fast): the server goes away for a while, as in maintenance or failover. */
    void stopPostgres() {
        postgres.close();
    }

    /** Lets go of zonky's lock on the data directory, so that the next start in this JVM may take it. */
    private void releasePostgres() {
        postgres.close(); // pg_ctl finds nothing to stop and says so in postgres.log
    }

    void startBroker() throws IOException {
        broker = KafkaBroker.start(options, options.startupTimeout());
    }

    void killBroker() throws InterruptedException {
        broker.kill();
    }

    void killService(ServiceSpec spec) throws InterruptedException {
        Process process = services.get(spec).process();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void restartServices(List<ServiceSpec> specs) {
        specs.forEach(this::launch);
        LocalStack.awaitReady(specs.stream().map(services::get).toList(), options.startupTimeout(), System.out);
    }

    /** SIGSTOP: the service keeps its connections and its partitions but does nothing, as in a long GC pause. */
    void pause(ServiceSpec spec) throws IOException, InterruptedException {
        signal(spec, "STOP");
    }

    void resume(ServiceSpec spec) throws IOException, InterruptedException {
        signal(spec, "CONT");
    }

    private void signal(ServiceSpec spec, String signal) throws IOException, InterruptedException {
        signal(services.get(spec).process().pid(), signal);
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    private void launch(ServiceSpec spec) {
        services.put(spec, launch(spec, options.port(spec), spec.name + ".log"));
    }

    private ServiceProcess launch(ServiceSpec spec, int port, String log) {
        ServiceProcess service = new ServiceProcess(spec, port, options.logs().resolve(log));
        List<String> arguments =
                new ArrayList<>(LocalStack.arguments(options, spec, broker.bootstrapServers(), postgres));
        // in place: Spring reads a repeated option as both values joined by a comma
        arguments.replaceAll(argument -> argument.startsWith("--server.port=") ? "--server.port=" + port : argument);
        service.start(
                options.servicesDir().resolve(spec.name + ".jar"),
                options.serviceJavaOptions(),
                arguments,
                LocalIssuer.serviceEnvironment(options));
        return service;
    }

    /**
     * A second instance of every service, each on the first one's port + {@value #SECOND_PORT_STEP}, as a
     * Deployment with two replicas runs them: one database, one consumer group, one outbox between them.
     */
    void scaleOut() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            launchSecond(spec);
        }
        LocalStack.awaitReady(List.copyOf(seconds.values()), options.startupTimeout(), System.out);
    }

    private void launchSecond(ServiceSpec spec) {
        seconds.put(spec, launch(spec, secondPort(spec), spec.name + "-2.log"));
    }

    private static final int SECOND_PORT_STEP = 10;

    private int secondPort(ServiceSpec spec) {
        return options.port(spec) + SECOND_PORT_STEP;
    }

    /** The second instance's address, once {@link #scaleOut()} started it. */
    String secondBaseUrl(ServiceSpec spec) {
        return "http://127.0.0.1:" + secondPort(spec);
    }

    /** Tokens of the stack's issuer, for the drills' clients. */
    TokenClient tokens() {
        return tokens;
    }

    String baseUrl(ServiceSpec spec) {
        return "http://127.0.0.1:" + options.port(spec);
    }

    String bootstrapServers() {
        return "127.0.0.1:" + options.port(StackOptions.KAFKA_PORT);
    }

    /** A connection to a service's database as the service itself, with its password. */
    Connection database(ServiceSpec spec) throws SQLException {
        return connect(spec.database, spec.database, spec.database);
    }

    Connection connect(String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + options.port(StackOptions.POSTGRES_PORT) + "/" + database, properties);
    }

    Path log(ServiceSpec spec) {
        return options.logs().resolve(spec.name + ".log");
    }

    @Override
    public void close() throws InterruptedException {
        services.values().parallelStream().forEach(service -> service.stop(Duration.ofSeconds(10)));
        seconds.values().parallelStream().forEach(service -> service.stop(Duration.ofSeconds(10)));
        issuer.stop(Duration.ofSeconds(10));
        if (broker != null) {
            broker.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
