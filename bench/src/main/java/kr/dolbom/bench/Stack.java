package kr.dolbom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.dolbom.tokens.TokenClient;

/**
 * The system under test: the local stack started fresh in a process of its own (or one already running),
 * and its processes, so that their CPU and memory can be read; secured (every call with a token of the stack's
 * issuer) or, for the comparison only, with {@code --no-security}.
 */
final class Stack implements AutoCloseable {

    /** The local stack's embedded superuser (see deploy/local --help). */
    static final String POSTGRES_PASSWORD = "postgres";

    static final List<String> SERVICES =
            List.of("intake-service", "matching-service", "billing-service", "reporting-service");

    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(12);

    private final BenchOptions options;
    private final Process launcher;
    private final Path dataDir;
    private final boolean secured;
    private final TokenClient tokens;

    private Stack(BenchOptions options, Process launcher, Path dataDir, boolean secured) {
        this.options = options;
        this.launcher = launcher;
        this.dataDir = dataDir;
        this.secured = secured;
        this.tokens = TokenClient.of("http://localhost:" + options.port(ISSUER_PORT));
    }

    /** The local stack's issuer, at the same offset as everything else. */
    static final int ISSUER_PORT = 9000;

    /**
     * @param secured false only for the comparison run: the stack's {@code --no-security}, whose services read the
     *     same tokens without checking them
     */
    static Stack start(BenchOptions options, boolean secured) throws IOException, InterruptedException {
        Path dataDir = options.workDirectory().resolve("stack");
        if (options.external()) {
            return new Stack(options, null, dataDir, secured);
        }
        Path jar = options.repository().resolve("deploy/local/target/local-stack.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (bench/run.sh does)");
        }
        Files.createDirectories(options.workDirectory());
        Path log = options.workDirectory().resolve("stack.log");
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-jar",
                jar.toString(),
                "up",
                "--fresh",
                "--data-dir=" + dataDir,
                "--port-offset=" + options.portOffset()));
        if (options.unsafeCommits()) {
            command.add("--unsafe-commits");
        }
        if (!secured) {
            command.add("--no-security");
        }
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // As deployed (Helm): both compilers, unlike the local stack's default of C1 only (StackOptions), which a full
        // run showed to fall behind at 64 orders in flight; DOLBOM_BENCH_SERVICE_JAVA_OPTS=-XX:TieredStopAtLevel=1
        // measures that
        String javaOptions = "-Xmx256m -XX:+UseSerialGC";
        if (options.profile()) {
            javaOptions += " -XX:StartFlightRecording=filename=" + options.workDirectory() + "/,settings=profile";
        }
        // e.g. an async-profiler agent: -agentpath:/path/libasyncProfiler.so=start,event=cpu,file=…
        javaOptions += " " + System.getenv().getOrDefault("DOLBOM_BENCH_SERVICE_JAVA_OPTS", "");
        builder.environment().put("DOLBOM_SERVICE_JAVA_OPTS", javaOptions);
        Process launcher = builder.start();
        // The launcher gives up first, naming the part it waited for (its --startup-timeout, 300 s a part).
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.readString(log);
            if (output.contains("is up in")) {
                return new Stack(options, launcher, dataDir, secured);
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the local stack did not start:\n" + output);
            }
            Thread.sleep(250);
        }
        launcher.destroy();
        throw new IllegalStateException(
                "the local stack was not up within " + STARTUP_LIMIT.toSeconds() + " s; see " + log);
    }

    boolean secured() {
        return secured;
    }

    /** The demo callers' tokens; sends none when the stack runs without security. */
    TokenClient tokens() {
        return tokens;
    }

    String baseUrl(int basePort) {
        return "http://127.0.0.1:" + options.port(basePort);
    }

    String kafka() {
        return "127.0.0.1:" + options.port(9092);
    }

    String postgresAdminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + options.port(15432) + "/postgres";
    }

    /** Each service's JVM, the broker (inside the launcher's JVM) and the database server's processes. */
    Map<String, List<ProcessHandle>> processes() {
        Map<String, List<ProcessHandle>> processes = new LinkedHashMap<>();
        if (launcher == null) {
            return processes;
        }
        List<ProcessHandle> children = launcher.descendants().toList();
        for (String service : SERVICES) {
            processes.put(
                    service,
                    children.stream()
                            .filter(child -> child.info()
                                    .commandLine()
                                    .map(line -> line.contains("services/" + service + ".jar"))
                                    .orElse(false))
                            .toList());
        }
        if (secured) {
            processes.put(
                    "local-auth (issuer)",
                    children.stream()
                            .filter(child -> child.info()
                                    .commandLine()
                                    .map(line -> line.contains("services/local-auth.jar"))
                                    .orElse(false))
                            .toList());
        }
        processes.put("kafka (launcher JVM)", List.of(launcher.toHandle()));
        // The postmaster names its data directory; its backends (where queries run) are its children.
        processes.put(
                "postgresql",
                ProcessHandle.allProcesses()
                        .filter(process -> process.info()
                                .commandLine()
                                .map(line -> line.contains(dataDir.toString()) && line.contains("postgres"))
                                .orElse(false))
                        .flatMap(postmaster -> java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(postmaster), postmaster.descendants()))
                        .toList());
        return processes;
    }

    @Override
    public void close() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            launcher.toHandle().destroy();
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
        }
    }
}
