package kr.dolbom.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineHandedBack;
import kr.dolbom.events.LineReassigned;
import kr.dolbom.events.ReassignCause;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Running lines changing hands: the window's reassignment, a member's hand-back, a suspension's take-over. */
class ReassignmentIT extends MatchingIntegrationTest {

    @Test
    void theWindowMovesARunningLineWithItsCapacityAndWhatWasDeliveredStaysTheFirstProviders() {
        TestDistrict district = new TestDistrict(db);
        String first = district.member("first", ServiceType.TEMPORARY_HOME_CARE, 5, 0, 3);
        String second = district.member("second", ServiceType.TEMPORARY_HOME_CARE, 5, 0, 1);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 5, 0);
        EventEnvelope order = district.order().homeCare(4, 120).placed();
        KAFKA.publish(order);
        UUID waiting = members().offers(order, 1).get(0).lineId();
        as(TestTokens.window(district.name()))
                .post()
                .uri("/api/v1/assignments/{line}/reassignment", waiting)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("providerId", second, "reason", "x"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.lineStatus")
                .isEqualTo("WAITING");
        LineAssigned assigned = members().acceptAll(order, 1).get(0);
        assertThat(assigned.providerId()).isEqualTo(first);
        delivered(assigned, 1);

        reassign(district, assigned, kitchen, "x")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("providerId")
                .jsonPath("$.errors[0].message")
                .isEqualTo(kitchen + " does not offer TEMPORARY_HOME_CARE");
        reassign(district, assigned, first, "x")
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("providerId");
        as(TestTokens.window("seodaemun"))
                .post()
                .uri("/api/v1/assignments/{line}/reassignment", assigned.lineId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("providerId", second, "reason", "x"))
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(activeLines(first)).as("nothing changed").isEqualTo(1);

        reassign(district, assigned, second, "이용자 요청: 담당 요양보호사 교체")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.providerId")
                .isEqualTo(second);
        assertThat(activeLines(first)).as("capacity given back").isZero();
        assertThat(activeLines(second)).as("capacity taken").isEqualTo(1);
        LineReassigned moved = reassignments(order, 1).get(0);
        assertThat(moved.fromProviderId()).isEqualTo(first);
        assertThat(moved.toProviderId()).isEqualTo(second);
        assertThat(moved.cause()).isEqualTo(ReassignCause.BY_WINDOW);
        assertThat(moved.lastResort()).isFalse();
        assertThat(count("select count(*) from line_reassignment where line_id = '" + assigned.lineId()
                        + "' and from_provider_id = '" + first + "' and delivered_before = 1"
                        + " and reason = '이용자 요청: 담당 요양보호사 교체'"))
                .isEqualTo(1);
        assertThat(count("select delivered from line_assignment where line_id = '" + assigned.lineId() + "'"))
                .as("the visit made stays counted on the line")
                .isEqualTo(1);
        as(TestTokens.window(district.name()))
                .get()
                .uri("/api/v1/assignments/{line}/explanation", assigned.lineId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.providerId")
                .isEqualTo(second)
                .jsonPath("$.summary")
                .value(summary -> assertThat((String) summary).startsWith("reassigned by the window"));
        as(TestTokens.provider(district.name(), first))
                .get()
                .uri("/api/v1/assignments/{line}", assigned.lineId())
                .exchange()
                .expectStatus()
                .isNotFound(); // no longer the first provider's to see

        db.sql("update line_assignment set delivered = quantity where line_id = :line")
                .bind("line", assigned.lineId())
                .then()
                .block();
        reassign(district, assigned, first, "다시")
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.lineStatus")
                .isEqualTo("OVER");
    }

    @Test
    void aHandedBackLineGoesToTheZonesLeadAndWhenItIsFullToThePublicCentre() {
        TestDistrict district = new TestDistrict(db);
        String first = district.member("first", ServiceType.MEAL_SUPPORT, 5, 0, 3);
        String lead = district.lead("lead", ServiceType.MEAL_SUPPORT, 1, 0);
        String publicCentre = district.publicCentre();
        EventEnvelope order = district.order().meals(10).placed();
        KAFKA.publish(order);
        LineAssigned assigned = members().acceptAll(order, 1).get(0);
        assertThat(assigned.providerId()).isEqualTo(first);

        handBack(district, assigned, first, Map.of("reason", "EXPIRED"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("reason");
        handBack(district, assigned, first, Map.of("reason", "OTHER"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("note");
        handBack(district, assigned, lead, Map.of("reason", "NO_WORKER_AVAILABLE"))
                .expectStatus()
                .isNotFound(); // not the lead's line to give back

        handBack(district, assigned, first, Map.of("reason", "NO_WORKER_AVAILABLE"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.takenOverBy")
                .isEqualTo(lead)
                .jsonPath("$.lastResort")
                .isEqualTo(false);
        LineReassigned moved = reassignments(order, 1).get(0);
        assertThat(moved.toProviderId()).isEqualTo(lead);
        assertThat(moved.cause()).isEqualTo(ReassignCause.HANDED_BACK);
        List<LineHandedBack> back = KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), LineHandedBack.class);
        assertThat(back).singleElement().satisfies(handedBack -> {
            assertThat(handedBack.providerId()).isEqualTo(first);
            assertThat(handedBack.reason()).isEqualTo(DeclineReason.NO_WORKER_AVAILABLE);
        });
        assertThat(activeLines(first)).isZero();
        assertThat(activeLines(lead)).isEqualTo(1);

        // the lead, now full, hands it back in turn: the public centre takes it, beyond the members
        handBack(district, assigned, lead, Map.of("reason", "OTHER", "note", "차량 고장"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.takenOverBy")
                .isEqualTo(publicCentre)
                .jsonPath("$.lastResort")
                .isEqualTo(true);
        assertThat(reassignments(order, 2).get(1).lastResort()).isTrue();
        handBack(district, assigned, publicCentre, Map.of("reason", "NO_WORKER_AVAILABLE"))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.providerId")
                .isEqualTo(publicCentre);
    }

    @Test
    void aSuspendedMembersRunningLinesAreTakenOverAndItsFinishedOnesStay() {
        TestDistrict district = new TestDistrict(db);
        String first = district.member("first", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope running = district.order().meals(10).placed();
        EventEnvelope finished = district.order().meals(2).placed();
        KAFKA.publish(running);
        LineAssigned stillRunning = members().acceptAll(running, 1).get(0);
        KAFKA.publish(finished);
        LineAssigned done = members().acceptAll(finished, 1).get(0);
        assertThat(List.of(stillRunning.providerId(), done.providerId())).containsOnly(first);
        delivered(done, 2);
        String lead = district.lead("lead", ServiceType.MEAL_SUPPORT, 5, 0); // joins after both were matched

        as(TestTokens.window(district.name()))
                .post()
                .uri("/api/v1/providers/{p}/suspension", first)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "서비스 품질 점검"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.linesTakenOver")
                .isEqualTo(1);

        LineReassigned moved = reassignments(running, 1).get(0);
        assertThat(moved.toProviderId()).isEqualTo(lead);
        assertThat(moved.cause()).isEqualTo(ReassignCause.PROVIDER_SUSPENDED);
        assertThat(count("select count(*) from line_assignment where line_id = '" + done.lineId()
                        + "' and provider_id = '" + first + "'"))
                .as("a finished line stays where its deliveries are")
                .isEqualTo(1);
    }

    private void delivered(LineAssigned line, int count) {
        db.sql("update line_assignment set delivered = :count where line_id = :line")
                .bind("count", count)
                .bind("line", line.lineId())
                .then()
                .block();
    }

    private List<LineReassigned> reassignments(EventEnvelope order, int count) {
        return eventually()
                .until(
                        () -> KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), LineReassigned.class),
                        moves -> moves.size() == count);
    }

    private WebTestClient.ResponseSpec reassign(
            TestDistrict district, LineAssigned line, String provider, String reason) {
        return as(TestTokens.window(district.name()))
                .post()
                .uri("/api/v1/assignments/{line}/reassignment", line.lineId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("providerId", provider, "reason", reason))
                .exchange();
    }

    private WebTestClient.ResponseSpec handBack(
            TestDistrict district, LineAssigned line, String provider, Map<String, String> body) {
        return as(TestTokens.provider(district.name(), provider))
                .post()
                .uri("/api/v1/assignments/{line}/hand-back", line.lineId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
