package kr.dolbom.intake;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.testsupport.ContainersIntegrationTest;
import kr.dolbom.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The same path as the embedded tests, on Kafka and PostgreSQL containers where Docker runs. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + IntakeApplication.CONFIG_NAME, "dolbom.demo-data=true"})
class IntakeOnContainersIT extends ContainersIntegrationTest {

    @Test
    void aPlacedOrderIsAnnouncedOnKafka() {
        UUID orderId = senior().meals(3).submitTo(http).careOrderId();

        var records = eventually()
                .until(() -> kafka().recordsWithKey(CareTopics.ORDERS, orderId), published -> published.size() == 1);
        assertThat(KafkaTestClient.header(records.get(0), "ce_type")).isEqualTo("kr.dolbom.care.order.placed.v1");
    }
}
