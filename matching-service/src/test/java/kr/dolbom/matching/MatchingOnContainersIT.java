package kr.dolbom.matching;

import static org.assertj.core.api.Assertions.assertThat;

import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceType;
import kr.dolbom.testsupport.ContainersIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The same path as the embedded tests, on Kafka and PostgreSQL containers where Docker runs. */
@SpringBootTest(properties = {"spring.config.name=" + MatchingApplication.CONFIG_NAME, "dolbom.demo-data=true"})
class MatchingOnContainersIT extends ContainersIntegrationTest {

    @Test
    void aPlacedOrderIsMatchedAndTheAssignmentAnnounced() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        EventEnvelope order = district.order().meals(4).placed();

        kafka().publish(order);

        var assigned = new Members(http, kafka()).acceptAll(order, 1);
        assertThat(assigned.get(0).providerId()).isEqualTo(kitchen);
    }
}
