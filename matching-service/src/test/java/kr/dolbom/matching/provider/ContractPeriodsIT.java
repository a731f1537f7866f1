package kr.dolbom.matching.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineReassigned;
import kr.dolbom.events.ReassignCause;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.matching.assignment.ContractEndSweep;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** 협약 기간: no offer and no line by hand outside a member's contract, and its work moves on once it has ended. */
class ContractPeriodsIT extends MatchingIntegrationTest {

    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);

    @Autowired
    private ContractEndSweep sweep;

    @Test
    void aMemberOutOfContractIsOfferedNothingAndGivenNothingByHand() {
        TestDistrict district = new TestDistrict(db);
        String ended = district.member("ended", ServiceType.MEAL_SUPPORT, 5, 0, 10);
        String other = district.member("other", ServiceType.MEAL_SUPPORT, 5, 0, 1);
        String publicCentre = district.publicCentre();
        contractPeriod(
                        district,
                        ended,
                        Map.of(
                                "startsOn",
                                today.minusYears(1).toString(),
                                "endsOn",
                                today.minusDays(1).toString(),
                                "reason",
                                "협약 만료"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.changes[0].effectiveOn")
                .isEqualTo(today.toString())
                .jsonPath("$.changes[0].underContract")
                .isEqualTo(false);

        EventEnvelope order = district.order().meals(10).placed();
        KAFKA.publish(order);
        assertThat(members().offers(order, 1).get(0).providerId())
                .as("the member owed the larger share is out of contract")
                .isEqualTo(other);
        as(TestTokens.window(district.name()))
                .post()
                .uri(
                        "/api/v1/assignments/{line}/dispatch",
                        members().offers(order, 1).get(0).lineId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("providerId", ended, "reason", "x"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].message")
                .isEqualTo(ended + " is not under contract on " + today);

        contractPeriod(district, ended, Map.of("startsOn", "2027-01-01", "endsOn", "2026-12-31", "reason", "x"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("endsOn");
        contractPeriod(district, publicCentre, Map.of("startsOn", "2027-01-01", "reason", "x"))
                .expectStatus()
                .isEqualTo(409);
        as(TestTokens.window("seodaemun"))
                .post()
                .uri("/api/v1/providers/{p}/contract-periods", ended)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("startsOn", "2027-01-01", "reason", "x"))
                .exchange()
                .expectStatus()
                .isNotFound();

        // renewed from today: offered again
        contractPeriod(district, ended, Map.of("startsOn", today.toString(), "reason", "재협약"))
                .expectStatus()
                .isOk();
        EventEnvelope next = district.order().meals(10).placed();
        KAFKA.publish(next);
        assertThat(members().offers(next, 1).get(0).providerId()).isEqualTo(ended);
    }

    @Test
    void onceAContractHasEndedTheMembersRunningLinesAreTakenOverByTheZonesLead() {
        TestDistrict district = new TestDistrict(db);
        String ending = district.member("ending", ServiceType.MEAL_SUPPORT, 5, 0);
        district.publicCentre();
        EventEnvelope order = district.order().meals(10).placed();
        KAFKA.publish(order);
        LineAssigned assigned = members().acceptAll(order, 1).get(0);
        assertThat(assigned.providerId()).isEqualTo(ending);
        String lead = district.lead("lead", ServiceType.MEAL_SUPPORT, 5, 0);

        contractPeriod(
                        district,
                        ending,
                        Map.of(
                                "startsOn",
                                today.minusYears(1).toString(),
                                "endsOn",
                                today.minusDays(1).toString(),
                                "reason",
                                "협약 해지"))
                .expectStatus()
                .isOk();
        sweep.moveWorkOutOfContract().block(); // or the scheduled sweep, whichever comes first

        LineReassigned moved = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), LineReassigned.class),
                        moves -> moves.size() == 1)
                .get(0);
        assertThat(moved.fromProviderId()).isEqualTo(ending);
        assertThat(moved.toProviderId()).isEqualTo(lead);
        assertThat(moved.cause()).isEqualTo(ReassignCause.CONTRACT_ENDED);
        assertThat(activeLines(ending)).isZero();
        assertThat(sweep.moveWorkOutOfContract().block())
                .as("nothing left to move")
                .isZero();
    }

    private WebTestClient.ResponseSpec contractPeriod(
            TestDistrict district, String provider, Map<String, String> period) {
        return as(TestTokens.window(district.name()))
                .post()
                .uri("/api/v1/providers/{p}/contract-periods", provider)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(period)
                .exchange();
    }
}
