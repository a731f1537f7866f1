package kr.dolbom.intake;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.testsupport.EnabledIfDocker;
import kr.dolbom.testsupport.Infrastructure;
import kr.dolbom.testsupport.KafkaTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The same path as the embedded tests, on Kafka and PostgreSQL containers where Docker runs. */
@EnabledIfDocker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + IntakeApplication.CONFIG_NAME, "dolbom.demo-data=true"})
@AutoConfigureWebTestClient
class IntakeOnContainersIT {

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        Infrastructure.containers().register(registry, "intake");
    }

    @Test
    void aPlacedOrderIsAnnouncedOnKafka() {
        UUID orderId = senior().meals(3).submitTo(http).careOrderId();

        try (KafkaTestClient kafka = new KafkaTestClient(Infrastructure.containers().kafkaBootstrapServers())) {
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.recordsWithKey(CareTopics.ORDERS, orderId).size() == 1);
            assertThat(KafkaTestClient.header(kafka.recordsWithKey(CareTopics.ORDERS, orderId).get(0), "ce_type"))
                    .isEqualTo("kr.dolbom.care.order.placed.v1");
        }
    }
}
