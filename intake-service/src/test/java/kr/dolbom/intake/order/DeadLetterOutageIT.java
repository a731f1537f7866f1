package kr.dolbom.intake.order;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.IntakeApplication;
import kr.dolbom.intake.request.IntakeAnswer;
import kr.dolbom.testsupport.Infrastructure;
import kr.dolbom.testsupport.KafkaTestClient;
import kr.dolbom.testsupport.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * When a poison record cannot even be dead-lettered (here: its dead-letter topic has gone away), the
 * consumer must not skip it after a few attempts, as Kafka's default error handling and the binder's
 * fire-and-forget dead-lettering would: it waits, the records behind it wait, and once the dead-letter
 * topic is back both go where they belong. A consumer group of its own keeps this away from other tests.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + IntakeApplication.CONFIG_NAME,
            "dolbom.demo-data=true",
            "spring.cloud.stream.bindings.assignmentEvents-in-0.group=" + DeadLetterOutageIT.GROUP,
            "spring.kafka.producer.properties.max.block.ms=1000"
        })
// Generous: a first request on a loaded two-core machine can take seconds (JIT, the JWK set fetched once).
@AutoConfigureWebTestClient(timeout = "30s")
class DeadLetterOutageIT {

    static final String GROUP = "intake-outage-test";
    static final String DEAD_LETTERS = "care.assignments.v1." + GROUP + ".dlq";
    private static final Infrastructure INFRASTRUCTURE = Infrastructure.embedded();

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRASTRUCTURE.register(registry, "intake");
        TestTokens.register(registry);
    }

    @Test
    void aRecordThatCannotBeDeadLetteredHoldsItsPartitionInsteadOfBeingDropped() throws Exception {
        IntakeAnswer order = senior().named("한정순")
                .meals(3)
                .submitTo(http.mutate()
                        .defaultHeaders(headers -> headers.setBearerAuth(
                                TestTokens.careManager("mapo").mint()))
                        .build());
        String key = order.careOrderId().toString();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRASTRUCTURE.kafkaBootstrapServers()))) {
            admin.deleteTopics(List.of(DEAD_LETTERS)).all().get();
        }
        try (KafkaTestClient kafka = new KafkaTestClient(INFRASTRUCTURE.kafkaBootstrapServers())) {
            kafka.sendRaw(CareTopics.ASSIGNMENTS, key, "kr.dolbom.care.line.assigned.v1", "{broken");
            kafka.publish(EventEnvelope.of(
                    new LineAssigned(
                            order.careOrderId(),
                            order.lines().get(0).lineId(),
                            ServiceType.MEAL_SUPPORT,
                            "mapo-meal-jahwal",
                            false,
                            "mapo",
                            "mangwon1",
                            LocalDate.now()),
                    "/dolbom/matching-service",
                    Instant.now()));

            Thread.sleep(Duration.ofSeconds(15).toMillis()); // past Kafka's default ten attempts
            assertThat(status(order))
                    .as("the assignment behind the poison waits")
                    .isEqualTo("PLACED");

            try (Admin admin = Admin.create(Map.of("bootstrap.servers", INFRASTRUCTURE.kafkaBootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(DEAD_LETTERS, 6, (short) 1)))
                        .all()
                        .get();
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> kafka.recordsWithKey(DEAD_LETTERS, key).size() == 1);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> status(order).equals("ASSIGNED"));
        }
    }

    private String status(IntakeAnswer order) {
        return db.sql("select status from care_order where id = :id")
                .bind("id", order.careOrderId())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }
}
