package kr.dolbom.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineOffered;
import kr.dolbom.events.OfferAccepted;
import kr.dolbom.events.OfferDeclined;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.Members;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Offers as the window runs them: a member's yes or no, silence past the deadline, holds, ends and races. */
class OffersIT extends MatchingIntegrationTest {

    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);

    @Autowired
    private OfferDeadlineSweep sweep;

    @Test
    void aDeclineOffersTheNextMemberSilencePastTheDeadlineDeclinesTooAndThenThePublicCentreTakesTheLine() {
        TestDistrict district = new TestDistrict(db);
        String first = district.member("first", ServiceType.TEMPORARY_HOME_CARE, 10, 0, 3);
        String second = district.member("second", ServiceType.TEMPORARY_HOME_CARE, 10, 0, 1);
        String publicCentre = district.publicCentre();
        EventEnvelope order = district.order().homeCare(4, 120).placed();
        Members members = members();

        KAFKA.publish(order);
        LineOffered offer = members.offers(order, 1).get(0);
        assertThat(offer.providerId()).isEqualTo(first);
        assertThat(offer.round()).isEqualTo(1);
        assertThat(offer.answerBy())
                .as("urgent: two hours")
                .isEqualTo(offer.offeredAt().plusSeconds(2 * 3600));
        assertThat(activeLines(first)).as("held while the offer is open").isEqualTo(1);
        assertThat(count("select count(*) from line_assignment where line_id = '" + offer.lineId() + "'"))
                .as("not assigned before a yes")
                .isZero();

        members.decline(offer, "NO_WORKER_AVAILABLE");
        LineOffered next = members.offers(order, 2).get(1);
        assertThat(next.providerId()).isEqualTo(second);
        assertThat(next.round()).isEqualTo(2);
        assertThat(activeLines(first)).as("given back by the decline").isZero();
        assertThat(activeLines(second)).isEqualTo(1);

        pastDeadline(next);
        assertThat(sweep.expireDue().block()).isEqualTo(1);

        LineAssigned assigned = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), LineAssigned.class),
                        lines -> lines.size() == 1)
                .get(0);
        assertThat(assigned.providerId()).isEqualTo(publicCentre);
        assertThat(assigned.lastResort()).isTrue();
        assertThat(activeLines(second)).as("given back by the expiry").isZero();
        assertThat(KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), OfferDeclined.class))
                .extracting(OfferDeclined::providerId, OfferDeclined::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, DeclineReason.NO_WORKER_AVAILABLE),
                        org.assertj.core.groups.Tuple.tuple(second, DeclineReason.EXPIRED));
        as(TestTokens.window(district.name()))
                .get()
                .uri("/api/v1/assignments/{line}/explanation", assigned.lineId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.lastResortReason")
                .isEqualTo("ALL_MEMBERS_DECLINED")
                .jsonPath("$.offers.length()")
                .isEqualTo(2)
                .jsonPath("$.offers[0].status")
                .isEqualTo("DECLINED")
                .jsonPath("$.offers[1].status")
                .isEqualTo("EXPIRED");
        // the expired offer cannot be taken back by a late yes
        members.as(next)
                .post()
                .uri("/api/v1/offers/{offer}/acceptance", next.offerId())
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("EXPIRED"));
    }

    @Test
    void anAcceptanceAssignsTheLineAndIsAnnouncedWithTheTimeItTook() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope order = district.order().meals(10).awaitingPlan().placed();
        KAFKA.publish(order);
        KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", order.subject());
        assertThat(members().offers(order)).as("no plan, no offer").isEmpty();
        KAFKA.publish(event(OrderPausesIT.plan(
                (OrderPlaced) order.data(), ((OrderPlaced) order.data()).lines().get(0), List.of(today), today)));

        LineOffered offer = members().offers(order, 1).get(0);
        assertThat(offer.urgent()).isFalse();
        assertThat(offer.answerBy())
                .as("ordinary: a day")
                .isEqualTo(offer.offeredAt().plusSeconds(24 * 3600));
        members().accept(offer).expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");

        LineAssigned assigned = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), LineAssigned.class),
                        lines -> lines.size() == 1)
                .get(0);
        assertThat(assigned.providerId()).isEqualTo(kitchen);
        OfferAccepted accepted = KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), OfferAccepted.class)
                .get(0);
        assertThat(accepted.offerId()).isEqualTo(offer.offerId());
        assertThat(accepted.acceptedAt()).isAfterOrEqualTo(offer.offeredAt());
        assertThat(activeLines(kitchen)).isEqualTo(1);
        assertThat(count("select count(*) from line_offering where line_id = '" + offer.lineId() + "'"))
                .isZero();
    }

    @Test
    void answersThatCannotBeTakenAreRefusedAndChangeNothing() {
        TestDistrict district = new TestDistrict(db);
        district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        String other = district.member("other", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope order = district.order().meals(10).placed();
        KAFKA.publish(order);
        LineOffered offer = members().offers(order, 1).get(0);

        // someone else's offer is not found, to a member that may not know it exists
        as(TestTokens.provider(
                        district.name(), other.equals(offer.providerId()) ? district.name() + "-kitchen" : other))
                .post()
                .uri("/api/v1/offers/{offer}/acceptance", offer.offerId())
                .exchange()
                .expectStatus()
                .isNotFound();
        // OTHER needs words, and a reason must be one a member gives
        members()
                .as(offer)
                .post()
                .uri("/api/v1/offers/{offer}/decline", offer.offerId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "OTHER"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("note");
        members()
                .as(offer)
                .post()
                .uri("/api/v1/offers/{offer}/decline", offer.offerId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "EXPIRED"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        assertThat(statusOf(offer)).isEqualTo("OPEN");

        members().decline(offer, "SCHEDULE_CONFLICT");
        members()
                .as(offer)
                .post()
                .uri("/api/v1/offers/{offer}/decline", offer.offerId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "SCHEDULE_CONFLICT"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("DECLINED"));
        assertThat(KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), OfferDeclined.class))
                .as("declined once")
                .hasSize(1);
    }

    @Test
    void ofManyAnswersToOneOfferAtOnceExactlyOneWins() throws Exception {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 1, 0);
        district.publicCentre();
        EventEnvelope order = district.order().meals(10).placed();
        KAFKA.publish(order);
        LineOffered offer = members().offers(order, 1).get(0);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> answers = IntStream.range(0, 8)
                    .<Callable<Integer>>mapToObj(i -> () -> (i % 2 == 0
                                    ? members().as(offer).post().uri("/api/v1/offers/{o}/acceptance", offer.offerId())
                                    : members()
                                            .as(offer)
                                            .post()
                                            .uri("/api/v1/offers/{o}/decline", offer.offerId())
                                            .contentType(MediaType.APPLICATION_JSON)
                                            .bodyValue(Map.of("reason", "NO_WORKER_AVAILABLE")))
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .value())
                    .toList();
            List<Integer> statuses =
                    pool.invokeAll(answers).stream().map(OffersIT::get).toList();
            List<Integer> accepts = IntStream.range(0, 8)
                    .filter(i -> i % 2 == 0)
                    .mapToObj(statuses::get)
                    .toList();
            List<Integer> declines = IntStream.range(0, 8)
                    .filter(i -> i % 2 == 1)
                    .mapToObj(statuses::get)
                    .toList();
            if (statusOf(offer).equals("ACCEPTED")) {
                // a yes sent again is the same yes; every no came too late
                assertThat(accepts).containsOnly(200);
                assertThat(declines).containsOnly(409);
            } else {
                assertThat(statusOf(offer)).isEqualTo("DECLINED");
                assertThat(declines).filteredOn(status -> status == 200).hasSize(1);
                assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
            }
        } finally {
            pool.shutdownNow();
        }
        String status = statusOf(offer);
        eventually()
                .until(
                        () -> KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), OfferAccepted.class)
                                        .size()
                                + KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), OfferDeclined.class)
                                        .size(),
                        outcomes -> outcomes >= 1);
        assertThat(KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), OfferAccepted.class))
                .hasSize(status.equals("ACCEPTED") ? 1 : 0);
        assertThat(KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), OfferDeclined.class))
                .hasSize(status.equals("ACCEPTED") ? 0 : 1);
        // the member's one slot is its line's if it said yes, free again if it said no
        assertThat(activeLines(kitchen)).isEqualTo(status.equals("ACCEPTED") ? 1 : 0);
    }

    @Test
    void aMemberWithOneSlotLeftIsOfferedOnlyOneOfTwoLinesMatchedAtOnce() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 1, 0);
        String publicCentre = district.publicCentre();
        EventEnvelope one = district.order().meals(10).placed();
        EventEnvelope two = district.order().meals(10).placed();
        KAFKA.publish(one);
        KAFKA.publish(two);
        KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", one.subject());
        KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", two.subject());

        List<LineOffered> offered = List.of(members().offers(one), members().offers(two)).stream()
                .flatMap(List::stream)
                .toList();
        assertThat(offered).extracting(LineOffered::providerId).containsExactly(kitchen);
        EventEnvelope other = offered.get(0).careOrderId().equals(one.data().careOrderId()) ? two : one;
        assertThat(KAFKA.events(CareTopics.ASSIGNMENTS, other.subject(), LineAssigned.class))
                .extracting(LineAssigned::providerId)
                .containsExactly(publicCentre);
        assertThat(activeLines(kitchen)).isEqualTo(1);
    }

    @Test
    void aHoldWithdrawsTheOpenOfferAndTheResumeOffersTheLineAgainWhileACancellationEndsIt() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope placed = district.order().meals(10).placed();
        OrderPlaced order = (OrderPlaced) placed.data();
        KAFKA.publish(placed);
        LineOffered first = members().offers(placed, 1).get(0);
        assertThat(activeLines(kitchen)).isEqualTo(1);

        KAFKA.publish(event(
                new OrderPutOnHold(order.careOrderId(), district.name(), HoldReason.HOSPITAL_ADMISSION, today, null)));
        eventually().until(() -> statusOf(first).equals("WITHDRAWN"));
        assertThat(activeLines(kitchen)).isZero();
        members()
                .as(first)
                .post()
                .uri("/api/v1/offers/{offer}/acceptance", first.offerId())
                .exchange()
                .expectStatus()
                .isEqualTo(409);

        KAFKA.publish(event(new OrderResumed(order.careOrderId(), district.name(), today)));
        LineOffered again = members().offers(placed, 2).get(1);
        assertThat(again.providerId())
                .as("a withdrawal is no decline of the member's")
                .isEqualTo(kitchen);
        assertThat(activeLines(kitchen)).isEqualTo(1);

        KAFKA.publish(
                event(new OrderCancelled(order.careOrderId(), district.name(), CancelReason.RESIDENT_DECLINED, today)));
        eventually().until(() -> statusOf(again).equals("WITHDRAWN"));
        assertThat(activeLines(kitchen)).isZero();
        assertThat(count("select count(*) from line_offering where care_order_id = '" + order.careOrderId() + "'"))
                .isZero();
        assertThat(KAFKA.events(CareTopics.ASSIGNMENTS, placed.subject(), LineAssigned.class))
                .isEmpty();
    }

    @Test
    void theWindowDispatchesAWaitingLineByHandToAProviderThatCanServeIt() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        String carers = district.member("carers", ServiceType.TEMPORARY_HOME_CARE, 5, 0);
        String publicCentre = district.publicCentre();
        EventEnvelope order = district.order().meals(10).placed();
        KAFKA.publish(order);
        LineOffered offer = members().offers(order, 1).get(0);
        assertThat(offer.providerId()).isEqualTo(kitchen);

        dispatch(district, offer, carers, "가까운 기관")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("providerId")
                .jsonPath("$.errors[0].message")
                .isEqualTo(carers + " does not offer MEAL_SUPPORT");
        assertThat(statusOf(offer)).as("nothing changed").isEqualTo("OPEN");

        dispatch(district, offer, publicCentre, "당일 퇴원, 오늘 저녁부터 식사 필요")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.providerId")
                .isEqualTo(publicCentre);
        assertThat(statusOf(offer)).isEqualTo("WITHDRAWN");
        assertThat(activeLines(kitchen)).isZero();
        LineAssigned assigned = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), LineAssigned.class),
                        lines -> lines.size() == 1)
                .get(0);
        assertThat(assigned.providerId()).isEqualTo(publicCentre);
        assertThat(assigned.lastResort()).isTrue();
        as(TestTokens.window(district.name()))
                .get()
                .uri("/api/v1/assignments/{line}/explanation", offer.lineId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.summary")
                .value(summary -> assertThat((String) summary)
                        .startsWith("dispatched by hand by the window")
                        .endsWith("당일 퇴원, 오늘 저녁부터 식사 필요"))
                .jsonPath("$.offers[0].status")
                .isEqualTo("WITHDRAWN");

        dispatch(district, offer, kitchen, "다시")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.providerId")
                .isEqualTo(publicCentre);
    }

    @Test
    void aSuspendedMemberIsOfferedNothingItsOpenOffersGoOnToTheNextMemberAndItComesBackWhenResumed() {
        TestDistrict district = new TestDistrict(db);
        String first = district.member("first", ServiceType.MEAL_SUPPORT, 5, 0, 3);
        String second = district.member("second", ServiceType.MEAL_SUPPORT, 5, 0, 1);
        district.publicCentre();
        EventEnvelope order = district.order().meals(10).placed();
        KAFKA.publish(order);
        LineOffered offer = members().offers(order, 1).get(0);
        assertThat(offer.providerId()).isEqualTo(first);

        suspension(district, first)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.offersWithdrawn")
                .isEqualTo(1);
        assertThat(statusOf(offer)).isEqualTo("WITHDRAWN");
        assertThat(members().offers(order, 2).get(1).providerId()).isEqualTo(second);
        assertThat(activeLines(first)).isZero();
        suspension(district, first).expectStatus().isEqualTo(409);

        EventEnvelope next = district.order().meals(10).placed();
        KAFKA.publish(next);
        assertThat(members().offers(next, 1).get(0).providerId())
                .as("nothing offered to a suspended member")
                .isEqualTo(second);

        as(TestTokens.window(district.name()))
                .delete()
                .uri("/api/v1/providers/{p}/suspension", first)
                .exchange()
                .expectStatus()
                .isNoContent();
        as(TestTokens.window(district.name()))
                .delete()
                .uri("/api/v1/providers/{p}/suspension", first)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        EventEnvelope third = district.order().meals(10).placed();
        KAFKA.publish(third);
        assertThat(members().offers(third, 1).get(0).providerId()).isEqualTo(first);
    }

    @Test
    void theWindowChangesAMembersCapacityButNeverBelowTheLinesItHolds() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 3);

        as(TestTokens.window(district.name()))
                .put()
                .uri("/api/v1/providers/{p}/services/MEAL_SUPPORT", kitchen)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capacity", 2, "agreedShare", 1, "reason", "인력 감소"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("capacity");
        as(TestTokens.window(district.name()))
                .put()
                .uri("/api/v1/providers/{p}/services/MEAL_SUPPORT", kitchen)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capacity", 3, "agreedShare", 2, "reason", "인력 감소"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.services[0].capacity")
                .isEqualTo(3);
        assertThat(count("select count(*) from provider_service_change where provider_id = '" + kitchen
                        + "' and capacity = 3 and agreed_share = 2 and reason = '인력 감소'"))
                .isEqualTo(1);
        as(TestTokens.window("seodaemun"))
                .put()
                .uri("/api/v1/providers/{p}/services/MEAL_SUPPORT", kitchen)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capacity", 9, "agreedShare", 1, "reason", "x"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec dispatch(
            TestDistrict district, LineOffered offer, String provider, String reason) {
        return as(TestTokens.window(district.name()))
                .post()
                .uri("/api/v1/assignments/{line}/dispatch", offer.lineId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("providerId", provider, "reason", reason))
                .exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec suspension(
            TestDistrict district, String provider) {
        return as(TestTokens.window(district.name()))
                .post()
                .uri("/api/v1/providers/{p}/suspension", provider)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "서비스 품질 점검"))
                .exchange();
    }

    private void pastDeadline(LineOffered offer) {
        db.sql("""
                        update line_offer set offered_at = now() - interval '3 hours', answer_by = now() - interval '1 hour'
                        where offer_id = :offer""").bind("offer", offer.offerId()).then().block();
    }

    private String statusOf(LineOffered offer) {
        return db.sql("select status from line_offer where offer_id = :offer")
                .bind("offer", offer.offerId())
                .map(row -> row.get(0, String.class))
                .one()
                .block();
    }

    private static EventEnvelope event(CareEvent event) {
        return EventEnvelope.of(event, "/dolbom/intake-service", Instant.now());
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
