package kr.dolbom.intake.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 욕구사정: the care manager records what the visit found; the answer gives the order's priority and, for each
 * priority group, the rule that put the order in it. Health facts: care managers only, every read audited.
 * {@code If-Match} names the order's version, as for its other changes.
 */
@RestController
@RequestMapping("/api/v1/care-orders/{id}/assessment")
class AssessmentController {

    private final NeedsAssessment assessments;

    AssessmentController(NeedsAssessment assessments) {
        this.assessments = assessments;
    }

    record AssessmentForm(
            @NotNull Map<Assessment.@NotNull NeedDomain, Assessment.@NotNull NeedLevel> needs,
            Assessment.@NotNull LivingSituation livingSituation,
            @NotNull @Min(0) @Max(30) Integer chronicConditions,
            @NotNull @Min(0) @Max(50) Integer admissionsLastYear,
            @Nullable LocalDate dischargedOn,
            Assessment.@NotNull LongTermCare longTermCare,
            @NotNull Boolean emergency,
            @Size(max = 1000) @Nullable String note) {

        Assessment assessment() {
            return new Assessment(
                    needs,
                    livingSituation,
                    chronicConditions,
                    admissionsLastYear,
                    dischargedOn,
                    longTermCare,
                    emergency,
                    note);
        }
    }

    @PutMapping
    Mono<NeedsAssessment.Assessed> assessCareOrder(
            Caller caller,
            @PathVariable("id") UUID id,
            @Valid @RequestBody AssessmentForm form,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return assessments.assess(caller, id, form.assessment(), IfMatch.version(ifMatch));
    }

    @GetMapping
    Mono<NeedsAssessment.Assessed> readAssessment(Caller caller, @PathVariable("id") UUID id) {
        return assessments.read(caller, id);
    }
}
