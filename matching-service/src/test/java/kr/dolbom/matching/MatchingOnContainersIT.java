package kr.dolbom.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.ServiceType;
import kr.dolbom.testsupport.EnabledIfDocker;
import kr.dolbom.testsupport.Infrastructure;
import kr.dolbom.testsupport.KafkaTestClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same path as the embedded tests, on Kafka and PostgreSQL containers where Docker runs. */
@EnabledIfDocker
@SpringBootTest(properties = {"spring.config.name=" + MatchingApplication.CONFIG_NAME, "dolbom.demo-data=true"})
class MatchingOnContainersIT {

    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void containers(DynamicPropertyRegistry registry) {
        Infrastructure.containers().register(registry, "matching");
    }

    @Test
    void aPlacedOrderIsMatchedAndTheAssignmentAnnounced() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        EventEnvelope order = district.order().meals(4).placed();

        try (KafkaTestClient kafka = new KafkaTestClient(Infrastructure.containers().kafkaBootstrapServers())) {
            kafka.publish(order);
            var assigned = Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.events(CareTopics.ASSIGNMENTS, order.subject(), LineAssigned.class),
                            events -> events.size() == 1);
            assertThat(assigned.get(0).providerId()).isEqualTo(kitchen);
        }
    }
}
