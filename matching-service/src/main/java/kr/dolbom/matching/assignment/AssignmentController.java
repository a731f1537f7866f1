package kr.dolbom.matching.assignment;

import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Providers look up the lines they were given; the window looks up who has a line, and why (연계 근거). */
@RestController
@RequestMapping("/api/v1/assignments")
class AssignmentController {

    private final AssignmentStore assignments;
    private final ProviderStore providers;

    AssignmentController(AssignmentStore assignments, ProviderStore providers) {
        this.assignments = assignments;
        this.providers = providers;
    }

    @GetMapping("/{lineId}")
    Mono<AssignmentView> readAssignment(Caller caller, @PathVariable("lineId") UUID lineId) {
        MatchingAccess.READ_ASSIGNMENT.admit(caller);
        return assignments
                .find(lineId)
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("service line", lineId)))
                .doOnNext(line -> MatchingAccess.READ_ASSIGNMENT.reveal(caller, line.holder(), "service line", lineId))
                .map(AssignmentView::of);
    }

    /**
     * Why the line went to its provider: the ranking matching used, with each candidate's reasons, or why the public
     * centre took it as provider of last resort. 404 for a line matched before explanations were kept.
     */
    @GetMapping("/{lineId}/explanation")
    Mono<AssignmentExplanation> readAssignmentExplanation(Caller caller, @PathVariable("lineId") UUID lineId) {
        MatchingAccess.READ_ASSIGNMENT_EXPLANATION.admit(caller);
        return assignments
                .find(lineId)
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("service line", lineId)))
                .doOnNext(line -> MatchingAccess.READ_ASSIGNMENT_EXPLANATION.reveal(
                        caller, line.holder(), "service line", lineId))
                .flatMap(line -> assignments.explanation(lineId))
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("explanation of service line", lineId)));
    }

    /** A provider's caseload: to the provider itself and to its district's window. */
    @GetMapping
    Flux<AssignmentView> listAssignments(Caller caller, @RequestParam("provider") @NotBlank String provider) {
        MatchingAccess.LIST_ASSIGNMENTS.admit(caller);
        return providers
                .districtOf(provider)
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("provider", provider)))
                .doOnNext(district -> MatchingAccess.LIST_ASSIGNMENTS.reveal(
                        caller, Holder.district(district).heldBy(provider), "provider", provider))
                .thenMany(assignments.ofProvider(provider))
                .map(AssignmentView::of);
    }
}
