package kr.dolbom.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceType;
import kr.dolbom.testsupport.ContainersIntegrationTest;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The same path as the embedded tests, on Kafka and PostgreSQL containers where Docker runs. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ReportingApplication.CONFIG_NAME)
class ReportingOnContainersIT extends ContainersIntegrationTest {

    @Test
    void aDeliveredMealCountsInTheMealVolume() {
        String district = "mapo-" + UUID.randomUUID().toString().substring(0, 8);
        kafka().publish(EventEnvelope.of(
                CareEvents.units(
                        UUID.randomUUID(),
                        ServiceType.MEAL_SUPPORT,
                        district,
                        UUID.randomUUID(),
                        LocalDate.of(2026, 11, 2),
                        12),
                "/dolbom/matching-service",
                Instant.now()));

        eventually()
                .untilAsserted(() -> http.mutate()
                        .defaultHeaders(headers ->
                                headers.setBearerAuth(TestTokens.cityAdmin().mint()))
                        .build()
                        .get()
                        .uri("/api/v1/kpis/meal-volume?district={district}&month=2026-11", district)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.meals")
                        .isEqualTo(12));
    }
}
