package kr.dolbom.intake.assessment;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.order.Priority;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An assessment through the API: the priority it gives, the work list that follows, who may see it. */
class AssessmentIT extends IntakeIntegrationTest {

    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);

    private static Map<String, Object> aloneWithChronicDiseases(int chronic) {
        Map<String, Object> assessment = new HashMap<>();
        assessment.put("needs", Map.of("MEALS", "HIGH", "HOUSEWORK", "SOME"));
        assessment.put("livingSituation", "ALONE");
        assessment.put("chronicConditions", chronic);
        assessment.put("admissionsLastYear", 1);
        assessment.put("longTermCare", "OUTSIDE_GRADE");
        assessment.put("emergency", false);
        return assessment;
    }

    private WebTestClient.ResponseSpec assess(UUID order, Map<String, Object> assessment, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = careManager()
                .put()
                .uri("/api/v1/care-orders/{id}/assessment", order)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.bodyValue(assessment).exchange();
    }

    /** The priority the work list sorts the order by. */
    private String priorityInWorkList(UUID order) {
        long rank = count("select priority_rank::bigint from care_order where id = '" + order + "'");
        return Priority.values()[(int) rank].name();
    }

    @Test
    void anAssessmentPutsTheOrderInItsGroupsWithTheRuleAndTheWorkListFollows() {
        UUID order = senior().namedUniquely("사정순")
                .incomeTier("GENERAL")
                .meals(8)
                .submitTo(careManager())
                .careOrderId();
        assertThat(priorityInWorkList(order)).isEqualTo("ROUTINE");

        assess(order, aloneWithChronicDiseases(3), "\"1\"")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.priority")
                .isEqualTo("PRIORITY_GROUP")
                .jsonPath("$.priorityGroups[*].group")
                .isEqualTo(List.of("LONG_TERM_CARE_REFUSED", "ALONE_WITH_CHRONIC_ILLNESS"))
                .jsonPath("$.priorityGroups[1].rule")
                .value(rule -> assertThat(rule.toString()).contains("만성질환 3개"))
                .jsonPath("$.assessedBy")
                .isEqualTo("care-manager@mapo");
        assertThat(priorityInWorkList(order)).isEqualTo("PRIORITY_GROUP");

        Map<String, Object> emergency = aloneWithChronicDiseases(0);
        emergency.put("emergency", true);
        emergency.put("longTermCare", "GRADED");
        assess(order, emergency, "\"1\"").expectStatus().isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assess(order, emergency, "\"2\"")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.priority")
                .isEqualTo("URGENT")
                .jsonPath("$.priorityGroups[*].group")
                .isEqualTo(List.of("EMERGENCY"));
        assertThat(priorityInWorkList(order)).isEqualTo("URGENT");
        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}", order)
                .exchange()
                .expectBody()
                .jsonPath("$.history[-1:].detail")
                .value(detail -> assertThat(detail.toString()).contains("assessed: priority URGENT (EMERGENCY)"))
                .jsonPath("$.assessment")
                .doesNotExist();
    }

    @Test
    void onlyCareManagersReadAnAssessmentAndEachReadIsAudited() {
        UUID order =
                senior().namedUniquely("사정열람").meals(4).submitTo(careManager()).careOrderId();
        assess(order, aloneWithChronicDiseases(2), null).expectStatus().isOk();

        as(TestTokens.window("mapo"))
                .get()
                .uri("/api/v1/care-orders/{id}/assessment", order)
                .exchange()
                .expectStatus()
                .isForbidden();
        as(TestTokens.careManager("seodaemun"))
                .get()
                .uri("/api/v1/care-orders/{id}/assessment", order)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(count("select count(*) from personal_data_read where 'assessment' = any(fields)"
                        + " and resident_id = (select resident_id from care_order where id = '" + order + "')"))
                .isZero();

        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}/assessment", order)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.assessment.chronicConditions")
                .isEqualTo(2)
                .jsonPath("$.assessment.needs.MEALS")
                .isEqualTo("HIGH");
        assertThat(count("select count(*) from personal_data_read where 'assessment' = any(fields)"
                        + " and resident_id = (select resident_id from care_order where id = '" + order + "')"))
                .isEqualTo(1);
    }

    @Test
    void badAssessmentsNameTheFieldAndChangeNothing() {
        UUID order =
                senior().namedUniquely("사정오류").meals(4).submitTo(careManager()).careOrderId();
        Map<String, Object> future = aloneWithChronicDiseases(2);
        future.put("dischargedOn", today.plusDays(2).toString());
        Map<String, Object> negative = aloneWithChronicDiseases(-1);
        Map<String, Object> unknown = aloneWithChronicDiseases(2);
        unknown.put("livingSituation", "CASTLE");

        for (var bad : Map.of("dischargedOn", future, "chronicConditions", negative, "livingSituation", unknown)
                .entrySet()) {
            assess(order, bad.getValue(), null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(bad.getKey());
        }
        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}/assessment", order)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(count("select version::bigint from care_order where id = '" + order + "'"))
                .isEqualTo(1);
    }
}
