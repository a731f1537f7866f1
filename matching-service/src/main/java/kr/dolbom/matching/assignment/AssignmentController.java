package kr.dolbom.matching.assignment;

import jakarta.validation.constraints.NotBlank;
import java.util.Optional;
import java.util.UUID;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.AccessRule;
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
    private final OfferStore offers;

    AssignmentController(AssignmentStore assignments, ProviderStore providers, OfferStore offers) {
        this.assignments = assignments;
        this.providers = providers;
        this.offers = offers;
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
     * Why the line went to its provider: the ranking matching used, with each candidate's reasons, the offers made
     * and their answers, or why the public centre took it as provider of last resort. For a line still on offer, the
     * ranking of its latest offer. 404 for a line matched before explanations were kept.
     */
    @GetMapping("/{lineId}/explanation")
    Mono<AssignmentExplanation> readAssignmentExplanation(Caller caller, @PathVariable("lineId") UUID lineId) {
        AccessRule rule = MatchingAccess.READ_ASSIGNMENT_EXPLANATION;
        rule.admit(caller);
        Mono<AssignmentExplanation> onOffer = offers.ofLine(lineId)
                .collectList()
                .flatMap(made -> {
                    if (made.isEmpty()) {
                        return Mono.empty();
                    }
                    Offer latest = made.get(made.size() - 1);
                    rule.reveal(caller, latest.holder(), "service line", lineId);
                    return offers.explanation(latest.offerId())
                            .map(why -> why.withOffers(made.stream()
                                    .map(AssignmentExplanation.OfferStep::of)
                                    .toList()));
                });
        return assignments
                .find(lineId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(assigned -> assigned.isEmpty()
                        ? onOffer.switchIfEmpty(Mono.error(() -> RuleViolation.notFound("service line", lineId)))
                        : Mono.fromRunnable(
                                        () -> rule.reveal(caller, assigned.get().holder(), "service line", lineId))
                                .then(assignments.explanation(lineId))
                                .switchIfEmpty(Mono.error(
                                        () -> RuleViolation.notFound("explanation of service line", lineId))));
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
