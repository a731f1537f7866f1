package kr.dolbom.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.KafkaTestClient;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

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
        explanation(district, assigned.lineId())
                .jsonPath("$.providerId")
                .isEqualTo(publicCentre)
                .jsonPath("$.lastResort")
                .isEqualTo(true)
                .jsonPath("$.lastResortReason")
                .isEqualTo("NO_MEMBER_WITH_ROOM")
                .jsonPath("$.summary")
                .isEqualTo(publicCentre + " takes the line as provider of last resort: none of the 1 members offering"
                        + " TEMPORARY_HOME_CARE in the zone has room")
                .jsonPath("$.ranking.candidates[0].providerId")
                .isEqualTo(full)
                .jsonPath("$.ranking.candidates[0].hasRoom")
                .isEqualTo(false)
                .jsonPath("$.ranking.candidates[0].reasons[1]")
                .isEqualTo("no room: load 3/3");
    }

    @Test
    void aDongOutsideEveryZoneIsServedByThePublicCentre() {
        TestDistrict district = new TestDistrict(db);
        district.member("member", ServiceType.MEAL_SUPPORT, 10, 0);
        String publicCentre = district.publicCentre();
        EventEnvelope order = district.orderFromDong("nowhere").meals(5).placed();

        KAFKA.publish(order);

        LineAssigned assigned = assignments(order, 1).get(0);
        assertThat(assigned.providerId()).isEqualTo(publicCentre);
        explanation(district, assigned.lineId())
                .jsonPath("$.lastResortReason")
                .isEqualTo("DONG_IN_NO_ZONE")
                .jsonPath("$.summary")
                .isEqualTo(publicCentre + " takes the line as provider of last resort: dong nowhere is in no zone of "
                        + district.name())
                .jsonPath("$.ranking.candidates")
                .isEmpty();
    }

    @Test
    void aServiceNoMemberOffersInTheZoneIsTheirsToo() {
        TestDistrict district = new TestDistrict(db);
        district.member("kitchen", ServiceType.MEAL_SUPPORT, 10, 0);
        String publicCentre = district.publicCentre();
        EventEnvelope order = district.order().homeCare(2, 60).placed();

        KAFKA.publish(order);

        LineAssigned assigned = assignments(order, 1).get(0);
        assertThat(assigned.providerId()).isEqualTo(publicCentre);
        explanation(district, assigned.lineId())
                .jsonPath("$.lastResortReason")
                .isEqualTo("NO_MEMBER_OFFERS_SERVICE_IN_ZONE")
                .jsonPath("$.summary")
                .isEqualTo(publicCentre + " takes the line as provider of last resort: no member offers"
                        + " TEMPORARY_HOME_CARE in zone " + TestDistrict.ZONE);
    }

    @Test
    void aResidentsNextOrderForTheServiceGoesToTheProviderThatServedTheFirstThoughAnotherIsLessLoaded() {
        TestDistrict district = new TestDistrict(db);
        String carers = district.member("carers", ServiceType.TEMPORARY_HOME_CARE, 10, 1);
        String other = district.member("other", ServiceType.TEMPORARY_HOME_CARE, 10, 2);
        district.publicCentre();
        UUID resident = UUID.randomUUID();
        EventEnvelope first =
                district.order().forResident(resident).homeCare(4, 120).placed();

        KAFKA.publish(first);
        LineAssigned earlier = assignments(first, 1).get(0);
        assertThat(earlier.providerId()).isEqualTo(carers); // the less loaded then
        // since then the carers took on much more, and they had the month's only line
        db.sql("update provider_service set active_lines = 8 where provider_id = :id")
                .bind("id", carers)
                .then()
                .block();
        EventEnvelope second =
                district.order().forResident(resident).homeCare(2, 60).placed();
        KAFKA.publish(second);

        LineAssigned assigned = assignments(second, 1).get(0);
        assertThat(assigned.providerId()).isEqualTo(carers);
        assertThat(activeLines(carers)).isEqualTo(9);
        assertThat(activeLines(other)).isEqualTo(2);
        String month = YearMonth.from(today()).toString();
        explanation(district, assigned.lineId())
                .jsonPath("$.lineId")
                .isEqualTo(assigned.lineId().toString())
                .jsonPath("$.providerId")
                .isEqualTo(carers)
                .jsonPath("$.lastResort")
                .isEqualTo(false)
                .jsonPath("$.lastResortReason")
                .doesNotExist()
                .jsonPath("$.summary")
                .isEqualTo(carers + " accepted the line, first of the 2 members with room (ahead of " + other
                        + ": served this resident before)")
                .jsonPath("$.rule")
                .value(rule -> assertThat((String) rule).startsWith("members with room only"))
                .jsonPath("$.ranking.month")
                .isEqualTo(month)
                .jsonPath("$.ranking.linesThisMonth")
                .isEqualTo(1)
                .jsonPath("$.ranking.agreedWeights")
                .isEqualTo(2)
                .jsonPath("$.ranking.servedBefore.lineId")
                .isEqualTo(earlier.lineId().toString())
                .jsonPath("$.ranking.servedBefore.providerId")
                .isEqualTo(carers)
                .jsonPath("$.ranking.order")
                .doesNotExist()
                .jsonPath("$.ranking.candidates[0].providerId")
                .isEqualTo(carers)
                .jsonPath("$.ranking.candidates[0].rank")
                .isEqualTo(1)
                .jsonPath("$.ranking.candidates[0].servedBefore")
                .isEqualTo(true)
                .jsonPath("$.ranking.candidates[0].reasons")
                .isEqualTo(List.of(
                        "served this resident before (line " + earlier.lineId() + ", assigned " + today() + ")",
                        "1 of the 1 lines of " + month + " against an agreed share of 1/2 (above it)",
                        "load 8/10"))
                .jsonPath("$.ranking.candidates[1].providerId")
                .isEqualTo(other)
                .jsonPath("$.ranking.candidates[1].rank")
                .isEqualTo(2)
                .jsonPath("$.ranking.candidates[1].reasons")
                .isEqualTo(List.of(
                        "0 of the 1 lines of " + month + " against an agreed share of 1/2 (below it)", "load 2/10"));
    }

    @Test
    void theMonthsLinesGoToTheMemberBelowItsAgreedShareThoughItIsBusier() {
        TestDistrict district = new TestDistrict(db);
        String light = district.member("light", ServiceType.MEAL_SUPPORT, 20, 0);
        String heavy = district.member("heavy", ServiceType.MEAL_SUPPORT, 20, 6);
        district.publicCentre();
        EventEnvelope first = district.order().meals(10).placed();
        KAFKA.publish(first);
        assertThat(assignments(first, 1).get(0).providerId()).isEqualTo(light);

        EventEnvelope second = district.order().meals(10).placed(); // another resident
        KAFKA.publish(second);

        LineAssigned assigned = assignments(second, 1).get(0);
        assertThat(assigned.providerId()).isEqualTo(heavy); // 6/20 against light's 1/20, but light had 1 of 1
        explanation(district, assigned.lineId())
                .jsonPath("$.summary")
                .isEqualTo(heavy + " accepted the line, first of the 2 members with room (ahead of " + light
                        + ": further below its agreed share)")
                .jsonPath("$.ranking.servedBefore")
                .doesNotExist();
    }

    @Test
    void theExplanationIsTheDistrictsOwnAndNotForProviders() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope order = district.order().meals(5).placed();
        KAFKA.publish(order);
        UUID line = assignments(order, 1).get(0).lineId();
        String uri = "/api/v1/assignments/{line}/explanation";

        as(TestTokens.careManager(district.name()))
                .get()
                .uri(uri, line)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.summary")
                .isEqualTo(kitchen + " accepted the line, the only member with room");
        // not even the provider that has the line: it would see its competitors' loads
        as(TestTokens.provider(district.name(), kitchen))
                .get()
                .uri(uri, line)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(TestTokens.window("seodaemun"))
                .get()
                .uri(uri, line)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(TestTokens.careManager(district.name(), "another-dong"))
                .get()
                .uri(uri, line)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(TestTokens.window(district.name()))
                .get()
                .uri(uri, UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
        // a line matched before explanations were kept has none
        UUID older = UUID.randomUUID();
        db.sql("""
                        insert into line_assignment (line_id, care_order_id, provider_id, last_resort, service_type,
                                                     resident_ref, district, dong, income_tier, quantity, starts_on,
                                                     ends_on, assigned_on)
                        values (:line, :order, :provider, false, 'MEAL_SUPPORT', :resident, :district, :dong,
                                'GENERAL', 10, :on, :on, :on)""")
                .bind("line", older)
                .bind("order", UUID.randomUUID())
                .bind("provider", kitchen)
                .bind("resident", UUID.randomUUID())
                .bind("district", district.name())
                .bind("dong", TestDistrict.DONG)
                .bind("on", today())
                .then()
                .block();
        as(TestTokens.window(district.name()))
                .get()
                .uri(uri, older)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("explanation of service line " + older + " not found");
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

        assertThat(members().offers(order)).as("one offer").hasSize(1);
        members().acceptAll(order, 1);
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
    void aLineNobodyCanTakeWaitsForTheWindowRatherThanBeingLost() {
        TestDistrict district = new TestDistrict(db);
        district.member("full", ServiceType.HOUSING_REPAIR, 1, 1);
        EventEnvelope order =
                district.order().line(ServiceType.HOUSING_REPAIR, 1, null).placed();

        KAFKA.publish(order);

        UUID line = ((OrderPlaced) order.data()).lines().get(0).lineId();
        String why = eventually()
                .until(
                        () -> db.sql("select unplaced from line_offering where line_id = :line")
                                .bind("line", line)
                                .map(row -> Optional.ofNullable(row.get("unplaced", String.class)))
                                .one()
                                .defaultIfEmpty(Optional.empty())
                                .block(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(why).contains("no provider of last resort");
        assertThat(count("select count(*) from line_assignment where line_id = '" + line + "'"))
                .isZero();
        assertThat(KAFKA.recordsWithKey(DEAD_LETTERS, order.subject()))
                .as("the event did nothing wrong")
                .isEmpty();
    }

    private List<LineAssigned> assignments(EventEnvelope order, int lines) {
        return members().acceptAll(order, lines);
    }

    /** The line's explanation as the district's window reads it. */
    private WebTestClient.BodyContentSpec explanation(TestDistrict district, UUID lineId) {
        return as(TestTokens.window(district.name()))
                .get()
                .uri("/api/v1/assignments/{line}/explanation", lineId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private static LocalDate today() {
        return LocalDate.now(PlatformAutoConfiguration.SEOUL);
    }

    /** The trace of the order's placement goes on with its assignments: one order, one trace. */
    @Test
    void anAssignmentCarriesTheTraceOfThePlacementThatCausedIt() {
        TestDistrict district = new TestDistrict(db);
        district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope order = district.order().meals(3).placed();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + String.format("%04x", (int) (Math.random() * 65_536));

        KAFKA.publish(order, "00-" + traceId + "-00f067aa0ba902b7-01");

        assignments(order, 1);
        String traceparent = KafkaTestClient.header(
                KAFKA.recordsWithKey(CareTopics.ASSIGNMENTS, order.subject()).get(0), "traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01");
    }

    /** An operator reading the log finds the offer an event caused by the event's trace. */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theLogOfAnOfferNamesTheTraceItBelongsTo(CapturedOutput output) {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope order = district.order().meals(3).placed();
        String traceId = "5cf92f3577b34da6a3ce929d0e0e" + String.format("%04x", (int) (Math.random() * 65_536));

        KAFKA.publish(order, "00-" + traceId + "-00f067aa0ba902b7-01");

        eventually()
                .untilAsserted(() -> assertThat(output.getOut().lines())
                        .as("the offer's log line")
                        .anySatisfy(line -> assertThat(line)
                                .contains("offered to " + kitchen)
                                // the dispatcher makes the offer outside the record's handling: the trace goes
                                // with the queued line, the order id of the consumer's context does not
                                .contains("[" + traceId + ",")));
    }
}
