package kr.dolbom.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.testsupport.ContainersIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The same path as the embedded tests, on Kafka and PostgreSQL containers where Docker runs. */
@SpringBootTest(properties = "spring.config.name=" + BillingApplication.CONFIG_NAME)
class BillingOnContainersIT extends ContainersIntegrationTest {

    @Test
    void aDeliveryIsChargedAndTheChargeAnnounced() {
        Deliveries deliveries = new Deliveries();
        kafka().publish(deliveries.homeCareVisit(LocalDate.of(2026, 11, 5), 150));

        var charged = eventually()
                .until(
                        () -> kafka().events(CareTopics.CHARGES, deliveries.careOrder(), DeliveryCharged.class),
                        events -> events.size() == 1);
        assertThat(charged.get(0).amount()).isEqualTo(38_340);
    }
}
