package kr.dolbom.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.testsupport.EnabledIfDocker;
import kr.dolbom.testsupport.Infrastructure;
import kr.dolbom.testsupport.KafkaTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same path as the embedded tests, on Kafka and PostgreSQL containers where Docker runs. */
@EnabledIfDocker
@SpringBootTest(properties = "spring.config.name=" + BillingApplication.CONFIG_NAME)
class BillingOnContainersIT {

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        Infrastructure.containers().register(registry, "billing");
    }

    @Test
    void aDeliveryIsChargedAndTheChargeAnnounced() {
        Deliveries deliveries = new Deliveries();
        try (KafkaTestClient kafka = new KafkaTestClient(Infrastructure.containers().kafkaBootstrapServers())) {
            kafka.publish(deliveries.homeCareVisit(LocalDate.of(2026, 11, 5), 150));
            var charged = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.events(CareTopics.CHARGES, deliveries.careOrder(), DeliveryCharged.class),
                            events -> events.size() == 1);
            assertThat(charged.get(0).amount()).isEqualTo(38_340);
        }
    }
}
