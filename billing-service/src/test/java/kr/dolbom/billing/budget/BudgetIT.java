package kr.dolbom.billing.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.BudgetThresholdReached;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A program's budget against its charges, through the REST API and the warnings read back from the real broker: one
 * charge crossing 80 % and 100 % at once, a delivery heard again announcing nothing, a raised budget armed again, a
 * lowered one announcing what it finds reached. The test's district is its own.
 */
class BudgetIT extends BillingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String district = "budget-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID budgetId = Budget.id(district, 2026, ServiceType.TEMPORARY_HOME_CARE);

    @Test
    void warningsAt80And100PercentAreAnnouncedOncePerBudgetVersion() {
        assertThat(set(100_000, "2026 본예산").status()).isEqualTo(200);
        Deliveries recipient = new Deliveries().inDistrict(district);

        charge(recipient, recipient.homeCareVisit(LocalDate.of(2026, 3, 2), 120)); // 38,340
        charge(recipient, recipient.homeCareVisit(LocalDate.of(2026, 3, 3), 120)); // 76,680: 76.68 %
        EventEnvelope third = recipient.homeCareVisit(LocalDate.of(2026, 3, 4), 120);
        DeliveryCharged crossing = charge(recipient, third); // 115,020: past 80 % and 100 % at once

        List<BudgetThresholdReached> warnings = warnings(2);
        assertThat(warnings).extracting(BudgetThresholdReached::threshold).containsExactly(80, 100);
        assertThat(warnings).allSatisfy(warning -> {
            assertThat(warning.chargeId()).isEqualTo(crossing.chargeId());
            assertThat(warning.budgetVersion()).isEqualTo(1);
            assertThat(warning.budget()).isEqualTo(100_000);
            assertThat(warning.spent()).isEqualTo(115_020);
            assertThat(warning.district()).isEqualTo(district);
            assertThat(warning.year()).isEqualTo(2026);
        });

        // the same delivery heard again, as the same record and as a new one: charged once, announced once
        KAFKA.publish(third);
        KAFKA.publish(EventEnvelope.of(third.data(), "/dolbom/matching-service", Instant.now()));
        KAFKA.awaitHandled(CareTopics.DELIVERIES, "billing-service", recipient.careOrder());
        assertThat(warnings(2)).hasSize(2);
        JsonNode year = read();
        JsonNode homeCare = program(year, "TEMPORARY_HOME_CARE");
        assertThat(homeCare.path("spent").asLong()).isEqualTo(115_020);
        assertThat(homeCare.path("charges").asLong()).isEqualTo(3);
        assertThat(homeCare.path("share").decimalValue()).isEqualByComparingTo("1.1502");
        assertThat(homeCare.path("thresholdsReached").toString()).isEqualTo("[80,100]");

        // raised: armed again, below 80 % of the new amount
        set(200_000, "1차 추경");
        charge(recipient, recipient.homeCareVisit(LocalDate.of(2026, 4, 1), 120)); // 153,360: 76.68 %
        assertThat(program(read(), "TEMPORARY_HOME_CARE")
                        .path("thresholdsReached")
                        .toString())
                .isEqualTo("[]");
        DeliveryCharged fifth = charge(recipient, recipient.homeCareVisit(LocalDate.of(2026, 4, 2), 120)); // 95.85 %
        BudgetThresholdReached secondVersion = warnings(3).get(2);
        assertThat(secondVersion.budgetVersion()).isEqualTo(2);
        assertThat(secondVersion.threshold()).isEqualTo(80);
        assertThat(secondVersion.chargeId()).isEqualTo(fifth.chargeId());

        // lowered below what is spent: both thresholds of the new version, announced by the setting itself
        set(150_000, "감액");
        List<BudgetThresholdReached> lowered = warnings(5).subList(3, 5);
        assertThat(lowered).extracting(BudgetThresholdReached::threshold).containsExactly(80, 100);
        assertThat(lowered).allSatisfy(warning -> {
            assertThat(warning.budgetVersion()).isEqualTo(3);
            assertThat(warning.chargeId()).isNull();
            assertThat(warning.spent()).isEqualTo(191_700);
        });

        JsonNode after = read();
        JsonNode program = program(after, "TEMPORARY_HOME_CARE");
        assertThat(program.path("budget").asLong()).isEqualTo(150_000);
        assertThat(program.path("version").asInt()).isEqualTo(3);
        assertThat(program.path("versions").size()).isEqualTo(3);
        assertThat(program.path("versions").path(0).path("setBy").asString()).isEqualTo("billing@" + district);
        assertThat(program.path("versions").path(0).path("basis").asString()).isEqualTo("2026 본예산");
        assertThat(program.path("versions").path(0).path("thresholdsReached").size())
                .isEqualTo(2);
        assertThat(program(after, "MEAL_SUPPORT").path("budget").isNull()).isTrue();
        assertThat(after.path("consortium").path("revenue").asLong()).isEqualTo(191_700);
        assertThat(after.path("consortium").path("target").asLong()).isEqualTo(200_000_000);
        assertThat(after.path("consortium").path("reached").asBoolean()).isFalse();
    }

    @Test
    void badBudgetsAreRefusedNamingTheFieldAndChangeNothing() {
        assertThat(field(put(2026, "TEMPORARY_HOME_CARE", "{\"amount\": -1, \"basis\": \"x\"}")))
                .isEqualTo("amount");
        assertThat(field(put(2026, "TEMPORARY_HOME_CARE", "{\"amount\": 0, \"basis\": \"x\"}")))
                .isEqualTo("amount");
        assertThat(field(put(2026, "TEMPORARY_HOME_CARE", "{\"amount\": 1000000000001, \"basis\": \"x\"}")))
                .isEqualTo("amount");
        assertThat(field(put(2026, "TEMPORARY_HOME_CARE", "{\"amount\": 99999999999999999999, \"basis\": \"x\"}")))
                .isEqualTo("amount");
        assertThat(field(put(2026, "TEMPORARY_HOME_CARE", "{\"amount\": 1000}")))
                .isEqualTo("basis");
        assertThat(field(put(1999, "TEMPORARY_HOME_CARE", "{\"amount\": 1000, \"basis\": \"x\"}")))
                .isEqualTo("year");
        assertThat(field(put(2100, "TEMPORARY_HOME_CARE", "{\"amount\": 1000, \"basis\": \"x\"}")))
                .isEqualTo("year");
        assertThat(field(put(2026, "SPA", "{\"amount\": 1000, \"basis\": \"x\"}")))
                .isEqualTo("serviceType");
        Answer beyond = new Answer(as(TestTokens.billingOfficer(district))
                .get()
                .uri("/api/v1/budgets/{d}/2100", district)
                .exchange()
                .expectBody()
                .returnResult());
        assertThat(field(beyond)).isEqualTo("year");

        Answer elsewhere = new Answer(as(TestTokens.billingOfficer("seodaemun"))
                .put()
                .uri("/api/v1/budgets/{d}/2026/TEMPORARY_HOME_CARE", district)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"amount\": 1000, \"basis\": \"x\"}")
                .exchange()
                .expectBody()
                .returnResult());
        assertThat(elsewhere.status()).isEqualTo(403);

        assertThat(count("select count(*) from budget where district = '" + district + "'"))
                .isZero();
    }

    private Answer set(long amount, String basis) {
        Answer answer = put(2026, "TEMPORARY_HOME_CARE", "{\"amount\": " + amount + ", \"basis\": \"" + basis + "\"}");
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer;
    }

    private Answer put(int year, String program, String body) {
        return new Answer(as(TestTokens.billingOfficer(district))
                .put()
                .uri("/api/v1/budgets/{d}/{y}/{p}", district, year, program)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectBody()
                .returnResult());
    }

    private JsonNode read() {
        return JSON.readTree(as(TestTokens.billingOfficer(district))
                .get()
                .uri("/api/v1/budgets/{d}/2026", district)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private static JsonNode program(JsonNode year, String type) {
        for (JsonNode program : year.path("programs")) {
            if (program.path("serviceType").asString().equals(type)) {
                return program;
            }
        }
        throw new AssertionError(type + " not in " + year);
    }

    /** The budget's warnings on the charges stream once there are {@code expected}, in order. */
    private List<BudgetThresholdReached> warnings(int expected) {
        return eventually()
                .until(
                        () -> KAFKA.events(CareTopics.CHARGES, budgetId, BudgetThresholdReached.class),
                        found -> found.size() >= expected);
    }

    private DeliveryCharged charge(Deliveries deliveries, EventEnvelope delivery) {
        UUID deliveryId = ((ServiceDelivered) delivery.data()).deliveryId();
        KAFKA.publish(delivery);
        return eventually()
                .until(
                        () -> KAFKA.events(CareTopics.CHARGES, deliveries.careOrder(), DeliveryCharged.class).stream()
                                .filter(charged -> charged.deliveryId().equals(deliveryId))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private record Answer(int status, JsonNode body) {
        Answer(EntityExchangeResult<byte[]> result) {
            this(result.getStatus().value(), JSON.readTree(result.getResponseBody()));
        }
    }

    private static String field(Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
        return answer.body().path("errors").path(0).path("field").asString();
    }
}
