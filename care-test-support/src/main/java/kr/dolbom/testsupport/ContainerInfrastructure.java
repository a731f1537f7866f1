package kr.dolbom.testsupport;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka (KRaft) and PostgreSQL in containers, for machines with Docker; started once per JVM. */
final class ContainerInfrastructure implements Infrastructure {

    static final String POSTGRES_IMAGE = "postgres:16-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private static volatile ContainerInfrastructure instance;

    private final KafkaContainer kafka;
    private final Databases databases;

    private ContainerInfrastructure() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE);
        this.kafka = new KafkaContainer(KAFKA_IMAGE);
        postgres.start();
        kafka.start();
        this.databases = new Databases(
                postgres.getHost(),
                postgres.getMappedPort(5432),
                postgres.getJdbcUrl() + (postgres.getJdbcUrl().contains("?") ? "&" : "?") + "user="
                        + postgres.getUsername() + "&password=" + postgres.getPassword());
    }

    /** Answers in well under a second where no Docker engine runs. */
    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static ContainerInfrastructure instance() {
        if (!dockerAvailable()) {
            throw new IllegalStateException("Docker is not available; use Infrastructure.embedded()");
        }
        if (instance == null) {
            synchronized (ContainerInfrastructure.class) {
                if (instance == null) {
                    instance = new ContainerInfrastructure();
                }
            }
        }
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public Database newDatabase(String service) {
        return databases.create(service.toLowerCase(Locale.ROOT));
    }
}
