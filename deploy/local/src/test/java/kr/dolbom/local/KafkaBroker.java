package kr.dolbom.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import picocli.CommandLine;

/**
 * The stack's embedded broker in a JVM of its own, so that a drill can kill it with SIGKILL as a crash
 * would, not shut it down politely; the launcher runs the same {@link LocalKafka} inside its own JVM.
 */
final class KafkaBroker implements AutoCloseable {

    private final Process process;
    private final String bootstrapServers;

    private KafkaBroker(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Runs the broker until its parent goes away (its standard input closes) or it is killed. */
    public static void main(String[] args) throws IOException {
        CommandLine commandLine = LocalStack.commandLine(System.getenv());
        commandLine.parseArgs(args);
        StackOptions options = commandLine.getCommand();
        try (LocalKafka kafka = LocalKafka.start(options)) {
            System.out.println("broker up at " + kafka.bootstrapServers());
            while (System.in.read() >= 0) {
                // nothing to read: the pipe only tells that the parent is alive
            }
        }
    }

    static KafkaBroker start(StackOptions options, Duration timeout) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                KafkaBroker.class.getName(),
                "--data-dir=" + options.dataDir(),
                "--port-offset=" + options.portOffset()));
        Path log = options.logs().resolve("kafka.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        String bootstrap = "127.0.0.1:" + options.port(StackOptions.KAFKA_PORT);
        KafkaBroker broker = new KafkaBroker(process, bootstrap);
        Awaitility.await("the broker at " + bootstrap + " (see " + log + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the broker stopped; see " + log);
                    }
                    return broker.answers();
                });
        return broker;
    }

    private boolean answers() {
        try (Admin admin = Admin.create(java.util.Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
            admin.describeCluster().nodes().get(4, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** SIGKILL: no controlled shutdown, no flush; the next start recovers the log as after a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
