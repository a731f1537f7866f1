package kr.dolbom.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Kafka broker and a real PostgreSQL server for the tests of a service, started once per JVM.
 *
 * <p>{@link #embedded()} always works on a machine with only a JDK: an embedded KRaft broker and an
 * embedded PostgreSQL, or existing servers when {@code DOLBOM_TEST_KAFKA} (bootstrap servers) and
 * {@code DOLBOM_TEST_POSTGRES} (a JDBC URL of a role that may create databases and roles) are set.
 * {@link #containers()} runs both in Testcontainers and needs Docker.
 */
public interface Infrastructure {

    String kafkaBootstrapServers();

    /** A fresh database and role, so that a service sees nothing but its own tables. */
    Database newDatabase(String service);

    static Infrastructure embedded() {
        return EmbeddedInfrastructure.instance();
    }

    static Infrastructure containers() {
        return ContainerInfrastructure.instance();
    }

    /** Points a service's Spring context at this infrastructure, in a database of its own. */
    default Database register(DynamicPropertyRegistry registry, String service) {
        Database db = newDatabase(service);
        registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrapServers);
        registry.add("dolbom.db.host", db::host);
        registry.add("dolbom.db.port", db::port);
        registry.add("dolbom.db.name", db::name);
        registry.add("spring.r2dbc.username", db::user);
        registry.add("spring.r2dbc.password", db::password);
        return db;
    }
}
