package kr.dolbom.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.OrderIncomeTierChanged;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class IncomeTierChangeIT extends MatchingIntegrationTest {

    private static LocalDate today() {
        return LocalDate.now();
    }

    @Test
    void aConfirmedTierReachesEveryLineOfTheOrderAndTheDeliveriesAfterIt() {
        TestDistrict district = new TestDistrict(db);
        String kitchen = district.member("kitchen", ServiceType.MEAL_SUPPORT, 10, 0);
        district.member("carers", ServiceType.TEMPORARY_HOME_CARE, 10, 0);
        district.publicCentre();
        EventEnvelope order = district.order().meals(10).homeCare(2, 120).placed();
        KAFKA.publish(order);
        List<LineAssigned> lines = members().acceptAll(order, 2);
        LineAssigned meals = lines.stream()
                .filter(line -> line.serviceType() == ServiceType.MEAL_SUPPORT)
                .findFirst()
                .orElseThrow();

        KAFKA.publish(tierChanged((OrderPlaced) order.data(), IncomeTier.GENERAL));

        for (LineAssigned line : lines) {
            eventually().until(() -> tierOf(line), tier -> tier.equals("GENERAL"));
        }
        as(TestTokens.provider(meals.district(), kitchen))
                .post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "lineId",
                        meals.lineId(),
                        "providerId",
                        kitchen,
                        "serviceDate",
                        today().minusDays(1).toString(),
                        "units",
                        2,
                        "workerRef",
                        "DRIVER-01",
                        "outcome",
                        "DELIVERED"))
                .exchange()
                .expectStatus()
                .isCreated();
        ServiceDelivered delivered = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.DELIVERIES, order.subject(), ServiceDelivered.class),
                        events -> events.size() == 1)
                .get(0);
        assertThat(delivered.incomeTier()).isEqualTo(IncomeTier.GENERAL);
    }

    @Test
    void anOrderMatchedOnlyAfterItsTierChangedStartsFromTheConfirmedTier() {
        TestDistrict district = new TestDistrict(db);
        district.publicCentre();
        EventEnvelope order = district.order().meals(4).placed();
        // As when the OrderPlaced was dead-lettered and is replayed after the change.
        KAFKA.publish(tierChanged((OrderPlaced) order.data(), IncomeTier.NEAR_POOR));
        KAFKA.awaitHandled(CareTopics.ORDERS, "matching-service", order.subject());

        KAFKA.publish(order);

        LineAssigned line = members().acceptAll(order, 1).get(0);
        assertThat(tierOf(line)).isEqualTo("NEAR_POOR");
    }

    private static EventEnvelope tierChanged(OrderPlaced placed, IncomeTier tier) {
        return EventEnvelope.of(
                new OrderIncomeTierChanged(
                        placed.careOrderId(), placed.residentRef(), placed.district(), tier, today()),
                "/dolbom/intake-service",
                Instant.now());
    }

    private String tierOf(LineAssigned line) {
        return as(TestTokens.window(line.district()))
                .get()
                .uri("/api/v1/assignments/{lineId}", line.lineId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("incomeTier")
                .toString();
    }
}
