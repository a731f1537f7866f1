package kr.dolbom.billing.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A district's own funding rule, added over REST, splits the charges from its day on and none before; bad rules
 * change nothing. Each test has a district of its own, so no other test's charges meet its rules.
 */
class FundingRuleIT extends BillingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String district = "funding-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aHalfCoPaymentForTheNearPoorSplitsTheChargesFromItsDayAndNotTheOnesBefore() {
        Answer added = post(rule("TEMPORARY_HOME_CARE", "NEAR_POOR", "2026-06-01", 5_000, "마포구 고시 2026-17"));
        assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
        assertThat(added.body().path("recordedBy").asString()).isEqualTo("billing@" + district);
        assertThat(added.body().path("recordedAsRole").asString()).isEqualTo("BILLING_OFFICER");

        Deliveries nearPoor = new Deliveries().inDistrict(district).forTier(IncomeTier.NEAR_POOR);
        DeliveryCharged before = charge(nearPoor, nearPoor.homeCareVisit(LocalDate.of(2026, 5, 31), 120));
        DeliveryCharged onTheDay = charge(nearPoor, nearPoor.homeCareVisit(LocalDate.of(2026, 6, 1), 120));
        DeliveryCharged odd = charge(
                nearPoor,
                nearPoor.visit(
                        kr.dolbom.events.ServiceType.MOBILITY_SUPPORT,
                        LocalDate.of(2026, 6, 2),
                        java.time.LocalTime.of(10, 0),
                        java.time.LocalTime.of(10, 30)));

        assertThat(before.publicShare())
                .as("dated before the rule: the Care SOS rule")
                .isEqualTo(38_340);
        assertThat(before.coPayment()).isZero();
        assertThat(onTheDay.publicShare()).isEqualTo(19_170);
        assertThat(onTheDay.coPayment()).isEqualTo(19_170);
        assertThat(odd.publicShare()).as("the rule is of home care only").isEqualTo(7_400);
        JsonNode shown = get("/api/v1/charges/by-delivery/{id}", onTheDay.deliveryId());
        assertThat(shown.path("fundingRuleId").asString())
                .isEqualTo(added.body().path("ruleId").asString());
        assertThat(get("/api/v1/charges/by-delivery/{id}", before.deliveryId())
                        .path("fundingRuleId")
                        .asString())
                .isEqualTo("care-sos-2021-temporary-home-care-near-poor");

        // a share that is no whole won: rounded down to the won, the resident pays the rest
        Deliveries general = new Deliveries().inDistrict(district).forTier(IncomeTier.GENERAL);
        assertThat(post(rule("TEMPORARY_HOME_CARE", "GENERAL", "2026-07-01", 3_333, "본인부담 경감"))
                        .status())
                .isEqualTo(201);
        DeliveryCharged third = charge(general, general.homeCareVisit(LocalDate.of(2026, 7, 1), 60));
        assertThat(third.publicShare()).isEqualTo(7_545); // 22,640 × 33.33 % = 7,545.9
        assertThat(third.coPayment()).isEqualTo(15_095);

        // another district's charges are still split by the city-wide rule
        Deliveries elsewhere = new Deliveries().inDistrict(district + "-b").forTier(IncomeTier.NEAR_POOR);
        assertThat(charge(elsewhere, elsewhere.homeCareVisit(LocalDate.of(2026, 6, 10), 120))
                        .publicShare())
                .isEqualTo(38_340);

        JsonNode listed = get("/api/v1/funding-rules/{d}", district);
        assertThat(listed.size()).as("12 city-wide rules and the district's 2").isEqualTo(14);
    }

    @Test
    void aRuleIsNeverChangedNorStartedInAClosedMonthAndBadRulesChangeNothing() {
        Deliveries provider = new Deliveries().inDistrict(district);
        charge(provider, provider.homeCareVisit(LocalDate.of(2025, 3, 3), 120));
        for (String step : new String[] {"submission", "approval"}) {
            as(step.equals("submission")
                            ? TestTokens.provider(district, provider.provider())
                            : TestTokens.billingOfficer(district))
                    .post()
                    .uri("/api/v1/settlements/{p}/2025-03/{step}", provider.provider(), step)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        assertThat(field(post(rule("MEAL_SUPPORT", "GENERAL", "2025-03-31", 5_000, "x")), 422))
                .isEqualTo("effectiveFrom");
        assertThat(field(post(rule("MEAL_SUPPORT", "GENERAL", "2024-12-01", 5_000, "x")), 422))
                .as("it would be in force in the closed month too")
                .isEqualTo("effectiveFrom");
        assertThat(post(rule("MEAL_SUPPORT", "GENERAL", "2025-04-01", 5_000, "x"))
                        .status())
                .isEqualTo(201);
        assertThat(field(post(rule("MEAL_SUPPORT", "GENERAL", "2025-04-01", 2_500, "again")), 409))
                .isEqualTo("effectiveFrom");

        assertThat(field(post(rule("MEAL_SUPPORT", "GENERAL", "2025-05-01", 10_001, "x")), 400))
                .isEqualTo("publicShareBasisPoints");
        assertThat(field(post(rule("MEAL_SUPPORT", "GENERAL", "2025-05-01", -1, "x")), 400))
                .isEqualTo("publicShareBasisPoints");
        assertThat(field(post(rule("SPA", "GENERAL", "2025-05-01", 5_000, "x")), 400))
                .isEqualTo("serviceType");
        assertThat(field(post(rule("MEAL_SUPPORT", "RICH", "2025-05-01", 5_000, "x")), 400))
                .isEqualTo("incomeTier");
        assertThat(field(post(rule("MEAL_SUPPORT", "GENERAL", "2025-05-01", 5_000, " ")), 400))
                .isEqualTo("basis");
        Answer elsewhere = new Answer(as(TestTokens.billingOfficer("seodaemun"))
                .post()
                .uri("/api/v1/funding-rules/{d}", district)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rule("MEAL_SUPPORT", "GENERAL", "2025-06-01", 5_000, "x"))
                .exchange()
                .expectBody()
                .returnResult());
        assertThat(elsewhere.status()).isEqualTo(403);

        assertThat(count("select count(*) from funding_rule where district = '" + district + "'"))
                .as("only the one good rule")
                .isEqualTo(1);
    }

    private static Map<String, Object> rule(String service, String tier, String from, int basisPoints, String basis) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("serviceType", service);
        rule.put("incomeTier", tier);
        rule.put("effectiveFrom", from);
        rule.put("publicShareBasisPoints", basisPoints);
        rule.put("basis", basis);
        return rule;
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

    private Answer post(Map<String, Object> rule) {
        return new Answer(as(TestTokens.billingOfficer(district))
                .post()
                .uri("/api/v1/funding-rules/{d}", district)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rule)
                .exchange()
                .expectBody()
                .returnResult());
    }

    private JsonNode get(String uri, Object variable) {
        return JSON.readTree(as(TestTokens.billingOfficer(district))
                .get()
                .uri(uri, variable)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    /** The field the refusal names; the answer must be problem details of the status. */
    private static String field(Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        return answer.body().path("errors").path(0).path("field").asString();
    }
}
