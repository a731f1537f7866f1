package kr.dolbom.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** Embedded KRaft broker and embedded PostgreSQL, or the servers named by the environment. */
final class EmbeddedInfrastructure implements Infrastructure {

    private static volatile EmbeddedInfrastructure instance;

    private final String kafka;
    private final Databases databases;
    private final List<Database> created = new CopyOnWriteArrayList<>();

    private EmbeddedInfrastructure(String kafka, Databases databases) {
        this.kafka = kafka;
        this.databases = databases;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> created.forEach(databases::drop)));
    }

    static EmbeddedInfrastructure instance() {
        if (instance == null) {
            synchronized (EmbeddedInfrastructure.class) {
                if (instance == null) {
                    instance = new EmbeddedInfrastructure(startKafka(), startPostgres());
                }
            }
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka;
    }

    @Override
    public Database newDatabase(String service) {
        Database db = databases.create(service);
        created.add(db);
        return db;
    }

    private static String startKafka() {
        String external = System.getenv("DOLBOM_TEST_KAFKA");
        if (external != null && !external.isBlank()) {
            return external;
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker.getBrokersAsString();
    }

    private static Databases startPostgres() {
        String external = System.getenv("DOLBOM_TEST_POSTGRES");
        if (external != null && !external.isBlank()) {
            URI uri = URI.create(external.substring("jdbc:".length()));
            return new Databases(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), external);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; zonky removes its data directory itself
                }
            }));
            return new Databases("localhost", postgres.getPort(), postgres.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }
}
