package kr.dolbom.matching.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/providers")
class ProviderController {

    private final ProviderStore providers;
    private final TransactionalOperator tx;

    ProviderController(ProviderStore providers, TransactionalOperator tx) {
        this.providers = providers;
        this.tx = tx;
    }

    /**
     * 명부 변경: a member's capacity and agreed share in one service, with a reason; 200 with the district's registry
     * entry of the member. 422 naming {@code capacity} for one below the lines the member holds now (they stay
     * its; lower it once lines end), 404 for a service the member does not offer.
     */
    @PutMapping("/{providerId}/services/{serviceType}")
    Mono<ProviderView> changeProviderService(
            Caller caller,
            @PathVariable("providerId") String providerId,
            @PathVariable("serviceType") ServiceType serviceType,
            @Valid @RequestBody ServiceChange change) {
        AccessRule rule = MatchingAccess.CHANGE_PROVIDER_SERVICE;
        rule.admit(caller);
        return tx.transactional(Mono.defer(() -> providers.districtOf(providerId))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("provider", providerId)))
                        .doOnNext(district -> rule.reveal(
                                caller, Holder.district(district).heldBy(providerId), "provider", providerId))
                        .flatMap(district -> providers
                                .lockLinesInHand(providerId, serviceType)
                                .switchIfEmpty(Mono.error(() ->
                                        RuleViolation.notFound("service " + serviceType + " of provider", providerId)))
                                .flatMap(inHand -> change.capacity() < inHand
                                        ? Mono.error(RuleViolation.refused(
                                                "capacity",
                                                "must be at least the " + inHand + " lines " + providerId
                                                        + " holds now"))
                                        : providers.changeService(
                                                providerId,
                                                serviceType,
                                                change.capacity(),
                                                change.agreedShare(),
                                                caller.subject(),
                                                change.reason()))
                                .then(providers
                                        .providers(district)
                                        .filter(view -> view.id().equals(providerId))
                                        .next())))
                .retryWhen(TransientFailures.retry());
    }

    /**
     * @param capacity lines of the service the member can hold at once
     * @param agreedShare its weight in the consortium's fair share of the service (공정 배분)
     */
    record ServiceChange(
            @Min(0) @Max(10_000) int capacity,
            @Min(1) @Max(1_000) int agreedShare,
            @NotBlank @Size(max = 500) String reason) {}

    /**
     * 협약 기간: the member is under contract from {@code startsOn} (to {@code endsOn}, if given), recorded as dated
     * changes beside the earlier ones, never over them; 200 with the member's contract as recorded, latest day first.
     * Outside a contract the member is offered nothing and given nothing by hand, and once a contract has ended its
     * open offers and running lines move on (the contract-end sweep). 400 naming {@code endsOn} for an end before the
     * start; 409 for the public centre, which is always under contract.
     */
    @PostMapping("/{providerId}/contract-periods")
    Mono<Contract> addContractPeriod(
            Caller caller, @PathVariable("providerId") String providerId, @Valid @RequestBody ContractPeriod period) {
        AccessRule rule = MatchingAccess.CHANGE_PROVIDER_CONTRACT;
        rule.admit(caller);
        LocalDate endsOn = period.endsOn();
        if (endsOn != null && endsOn.isBefore(period.startsOn())) {
            return Mono.error(RuleViolation.invalid("endsOn", "must not be before startsOn " + period.startsOn()));
        }
        return tx.transactional(Mono.defer(() -> providers.districtOf(providerId))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("provider", providerId)))
                        .doOnNext(district -> rule.reveal(
                                caller, Holder.district(district).heldBy(providerId), "provider", providerId))
                        .flatMap(district -> providers.isLastResort(providerId))
                        .flatMap(publicCentre -> publicCentre
                                ? Mono.error(RuleViolation.conflict(
                                                providerId + " is the public centre, always under contract")
                                        .with("providerId", providerId))
                                : providers.addContractPeriod(
                                        providerId, period.startsOn(), endsOn, caller.subject(), period.reason()))
                        .then(providers.contractOf(providerId).collectList())
                        .map(changes -> new Contract(providerId, changes)))
                .retryWhen(TransientFailures.retry());
    }

    /** A contract period with the district; open-ended without {@code endsOn}. */
    record ContractPeriod(
            @NotNull LocalDate startsOn,
            @Nullable LocalDate endsOn,
            @NotBlank @Size(max = 500) String reason) {}

    record Contract(String providerId, List<ProviderStore.ContractChange> changes) {}

    /** The registry of one district: members, their zones, services, capacity and current load. */
    @GetMapping
    Flux<ProviderView> listProviders(Caller caller, @RequestParam("district") @NotBlank String district) {
        MatchingAccess.LIST_PROVIDERS.reveal(caller, Holder.district(district), "district", district);
        return providers.providers(district);
    }
}
