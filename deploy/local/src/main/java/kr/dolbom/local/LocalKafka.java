package kr.dolbom.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft broker (broker and controller in one) run in this JVM from Kafka's own artifacts,
 * with its log directory under the stack's data so that topics and offsets survive a restart; or an
 * existing cluster, checked before anything is started against it.
 */
final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private LocalKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    static LocalKafka start(StackOptions options) {
        if (options.externalKafka() != null) {
            requireReachable(options.externalKafka());
            return new LocalKafka(null, options.externalKafka());
        }
        int port = options.port(StackOptions.KAFKA_PORT);
        int controllerPort = options.port(StackOptions.KAFKA_CONTROLLER_PORT);
        Ports.requireFree(port, "Kafka");
        Ports.requireFree(controllerPort, "the Kafka controller");
        Path logDir = options.dataDir().resolve("kafka");
        Properties config = config(port, controllerPort, logDir);
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(config, options.dataDir().resolve("kafka-server.properties"));
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
            return new LocalKafka(server, "127.0.0.1:" + port);
        } catch (IOException | RuntimeException e) {
            throw new StackFailure("embedded Kafka did not start: " + LocalPostgres.firstLine(e.getMessage()));
        }
    }

    private static Properties config(int port, int controllerPort, Path logDir) {
        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                // One node: every internal topic has one replica.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics are created by the services with their settings; a typo must not create another.
                Map.entry("auto.create.topics.enable", "false")));
        return config;
    }

    /** What {@code kafka-storage.sh format} does, once, on a new log directory. */
    private static void format(Properties config, Path propertiesFile) throws IOException {
        try (Writer writer = Files.newBufferedWriter(propertiesFile)) {
            config.store(writer, "written by the local stack to format the KRaft log directory");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(
                new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new StackFailure("formatting the Kafka log directory failed: "
                    + output.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private static void requireReachable(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            admin.describeCluster().clusterId().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackFailure(
                    "cannot reach Kafka at " + bootstrapServers + " (DOLBOM_KAFKA_BOOTSTRAP_SERVERS) within 15 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackFailure("interrupted while checking Kafka at " + bootstrapServers);
        } catch (RuntimeException e) {
            throw new StackFailure(
                    "cannot use Kafka at " + bootstrapServers + ": " + LocalPostgres.firstLine(e.getMessage()));
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String describe() {
        return bootstrapServers + (server != null ? " (embedded KRaft broker)" : " (existing cluster)");
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }
}
