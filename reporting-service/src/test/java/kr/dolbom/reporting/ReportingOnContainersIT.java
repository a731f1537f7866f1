package kr.dolbom.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceType;
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
        properties = "spring.config.name=" + ReportingApplication.CONFIG_NAME)
@AutoConfigureWebTestClient
class ReportingOnContainersIT {

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        Infrastructure.containers().register(registry, "reporting");
    }

    @Test
    void aDeliveredMealCountsInTheMealVolume() {
        String district = "mapo-" + UUID.randomUUID().toString().substring(0, 8);
        try (KafkaTestClient kafka = new KafkaTestClient(Infrastructure.containers().kafkaBootstrapServers())) {
            kafka.publish(EventEnvelope.of(CareEvents.units(UUID.randomUUID(), ServiceType.MEAL_SUPPORT, district,
                    UUID.randomUUID(), LocalDate.of(2026, 11, 2), 12), "/dolbom/matching-service", Instant.now()));

            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get()
                    .uri("/api/v1/kpis/meal-volume?district={district}&month=2026-11", district).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.meals").isEqualTo(12));
        }
    }
}
