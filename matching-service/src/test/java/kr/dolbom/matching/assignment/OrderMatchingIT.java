package kr.dolbom.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

class OrderMatchingIT extends MatchingIntegrationTest {

    private static final String GROUP = "matching-service";
    private static final String DEAD_LETTERS = CareTopics.deadLetter(CareTopics.ORDERS, GROUP);

    @Test
    void eachLineGoesToTheLeastLoadedMemberOfferingItInTheZone() {
        TestDistrict district = new TestDistrict(db);
        district.member("busy", ServiceType.TEMPORARY_HOME_CARE, 10, 8);
        String quiet = district.member("quiet", ServiceType.TEMPORARY_HOME_CARE, 10, 1);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope order = district.order().homeCare(4, 150).meals(10).placed();

        KAFKA.publish(order);

        List<LineAssigned> assigned = assignments(order, 2);
        assertThat(assigned)
                .extracting(LineAssigned::serviceType, LineAssigned::providerId, LineAssigned::lastResort)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ServiceType.TEMPORARY_HOME_CARE, quiet, false),
                        org.assertj.core.groups.Tuple.tuple(ServiceType.MEAL_SUPPORT, kitchen, false));
        assertThat(activeLines(quiet)).isEqualTo(2);
        assertThat(activeLines(kitchen)).isEqualTo(1);
    }

    @Test
    void whenNoMemberHasRoomThePublicCentreTakesTheLine() {
        TestDistrict district = new TestDistrict(db);
        String full = district.member("full", ServiceType.TEMPORARY_HOME_CARE, 3, 3);
        String publicCentre = district.publicCentre();
        EventEnvelope order = district.order().homeCare(1, 60).placed();

        KAFKA.publish(order);

        LineAssigned assigned = assignments(order, 1).get(0);
        assertThat(assigned.providerId()).isEqualTo(publicCentre);
        assertThat(assigned.lastResort()).isTrue();
        assertThat(activeLines(full)).isEqualTo(3);
    }

    @Test
    void aDongOutsideEveryZoneIsServedByThePublicCentre() {
        TestDistrict district = new TestDistrict(db);
        district.member("member", ServiceType.MEAL_SUPPORT, 10, 0);
        String publicCentre = district.publicCentre();
        EventEnvelope order = district.orderFromDong("nowhere").meals(5).placed();

        KAFKA.publish(order);

        assertThat(assignments(order, 1).get(0).providerId()).isEqualTo(publicCentre);
    }

    @Test
    void anOrderAnnouncedTwiceIsMatchedOnce() {
        TestDistrict district = new TestDistrict(db);
        String member = district.member("member", ServiceType.MEAL_SUPPORT, 10, 0);
        district.publicCentre();
        EventEnvelope order = district.order().meals(5).placed();

        KAFKA.publish(order);
        KAFKA.publish(order);
        KAFKA.awaitHandled(CareTopics.ORDERS, GROUP, order.subject());

        assertThat(KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), LineAssigned.class))
                .hasSize(1);
        assertThat(activeLines(member)).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = '" + order.id() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aPoisonOrderEventIsDeadLetteredWithItsReasonAndMatchingGoesOn() {
        TestDistrict district = new TestDistrict(db);
        district.publicCentre();
        String key = UUID.randomUUID().toString();
        KAFKA.sendRaw(CareTopics.ORDERS, key, "kr.dolbom.care.order.placed.v1", "{\"careOrderId\": 42");
        EventEnvelope order = district.order().meals(2).placed();
        KAFKA.publish(order);

        var deadLetters = eventually()
                .until(
                        () -> KAFKA.records(DEAD_LETTERS, record -> key.equals(record.key())),
                        records -> records.size() == 1);
        assertThat(KafkaTestClient.header(deadLetters.get(0), "kafka_dlt-exception-message"))
                .contains("unreadable");
        assignments(order, 1);
    }

    @Test
    void aLineNobodyCanTakeIsDeadLetteredRatherThanLost() {
        TestDistrict district = new TestDistrict(db);
        district.member("full", ServiceType.HOUSING_REPAIR, 1, 1);
        EventEnvelope order =
                district.order().line(ServiceType.HOUSING_REPAIR, 1, null).placed();

        KAFKA.publish(order);

        var deadLetters = eventually()
                .until(() -> KAFKA.recordsWithKey(DEAD_LETTERS, order.subject()), records -> records.size() == 1);
        assertThat(KafkaTestClient.header(deadLetters.get(0), "kafka_dlt-exception-message"))
                .contains("no provider of last resort");
        UUID line = ((OrderPlaced) order.data()).lines().get(0).lineId();
        assertThat(count("select count(*) from line_assignment where line_id = '" + line + "'"))
                .isZero();
    }

    private List<LineAssigned> assignments(EventEnvelope order, int lines) {
        return eventually()
                .until(
                        () -> KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), LineAssigned.class),
                        assigned -> assigned.size() == lines);
    }

    private int activeLines(String providerId) {
        return db.sql("select sum(active_lines)::int from provider_service where provider_id = :id")
                .bind("id", providerId)
                .map(row -> row.get(0, Integer.class))
                .one()
                .block();
    }
}
