package kr.dolbom.matching.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
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
     * 명부 변경: a member's capacity and agreed share in one service, with a reason, the service added if the member
     * did not offer it; 200 with the member's registry entry. 422 naming {@code capacity} for one below the lines the
     * member holds now (they stay its; lower it once lines end). Capacity 0 withdraws the service from offers.
     */
    @PutMapping("/{providerId}/services/{serviceType}")
    Mono<ProviderView> changeProviderService(
            Caller caller,
            @PathVariable("providerId") String providerId,
            @PathVariable("serviceType") ServiceType serviceType,
            @Valid @RequestBody ServiceChange change) {
        AccessRule rule = MatchingAccess.CHANGE_PROVIDER_SERVICE;
        rule.admit(caller);
        return tx.transactional(districtOf(caller, rule, providerId)
                        .flatMap(district -> providers
                                .lockLinesInHand(providerId, serviceType)
                                .defaultIfEmpty(0)
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
        return tx.transactional(districtOf(caller, rule, providerId)
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

    /**
     * 명부 등록: a new consortium member with the zones it serves (and leads), its services and its contract; 201 with
     * its registry entry. 409 naming {@code id} for an id already registered, or {@code leadOf} for a zone another
     * member leads; 422 naming {@code zones} for a zone not in the district's zone map; 400 for a service named twice,
     * a lead of a zone not served, or a contract that ends before it starts. The public centre is set up with the
     * district, not registered here.
     */
    @PostMapping
    Mono<ResponseEntity<ProviderView>> registerProvider(Caller caller, @Valid @RequestBody Registration member) {
        AccessRule rule = MatchingAccess.REGISTER_PROVIDER;
        rule.admit(caller);
        rule.create(caller, Holder.district(member.district()), "district");
        for (int i = 0; i < member.services().size(); i++) {
            ServiceType type = member.services().get(i).serviceType();
            if (member.services().subList(0, i).stream().anyMatch(earlier -> earlier.serviceType() == type)) {
                return Mono.error(RuleViolation.invalid("services[" + i + "].serviceType", type + " is named twice"));
            }
        }
        LocalDate endsOn = member.contractEndsOn();
        if (endsOn != null && endsOn.isBefore(member.contractStartsOn())) {
            return Mono.error(RuleViolation.invalid(
                    "contractEndsOn", "must not be before contractStartsOn " + member.contractStartsOn()));
        }
        String by = caller.subject();
        return tx.transactional(Mono.defer(
                                () -> zonesChecked(member.district(), member.id(), member.zones(), member.leadOf()))
                        .then(providers.register(member.id(), member.name(), member.kind(), member.district()))
                        .flatMap(registered -> registered
                                ? Mono.<Void>empty()
                                : Mono.error(RuleViolation.conflict(List.of(
                                        new RuleViolation.Violation("id", member.id() + " is registered already")))))
                        .then(providers.serveZones(member.id(), member.zones(), member.leadOf()))
                        .thenMany(Flux.fromIterable(member.services()))
                        .concatMap(offer -> providers.changeService(
                                member.id(),
                                offer.serviceType(),
                                offer.capacity(),
                                offer.agreedShare(),
                                by,
                                member.reason()))
                        .then(providers.addContractPeriod(
                                member.id(), member.contractStartsOn(), endsOn, by, member.reason()))
                        .then(providers.recordChange(
                                member.id(),
                                RegistryChange.What.REGISTERED,
                                Map.of(
                                        "name",
                                        member.name(),
                                        "kind",
                                        member.kind(),
                                        "zones",
                                        member.zones(),
                                        "leadOf",
                                        member.leadOf()),
                                by,
                                member.reason()))
                        .then(providers.provider(member.id())))
                .retryWhen(TransientFailures.retry())
                .map(view -> ResponseEntity.created(URI.create("/api/v1/providers/" + view.id()))
                        .body(view));
    }

    /**
     * @param id the member's id in the registry, for good (lower-case letters, digits and hyphens)
     * @param leadOf the zones it leads (권역 책임기업), among those it serves; none if omitted
     */
    record Registration(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,99}")
            String id,

            @NotBlank @Size(max = 200) String name,
            @NotNull ProviderKind kind,
            @NotBlank @Size(max = 100) String district,
            @NotEmpty @Size(max = 50) List<@NotBlank String> zones,
            @Nullable List<@NotBlank String> leadOf,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull ServiceOffer> services,
            @NotNull LocalDate contractStartsOn,
            @Nullable LocalDate contractEndsOn,
            @NotBlank @Size(max = 500) String reason) {

        @Override
        public List<String> leadOf() {
            return leadOf == null ? List.of() : leadOf;
        }
    }

    /** One service a new member offers: how many of its lines it can hold at once, and its agreed share. */
    record ServiceOffer(
            @NotNull ServiceType serviceType,
            @Min(0) @Max(10_000) int capacity,
            @Min(1) @Max(1_000) int agreedShare) {}

    /** The member's registry entry: its zones, leads, services, capacity and load. */
    @GetMapping("/{providerId}")
    Mono<ProviderView> readProvider(Caller caller, @PathVariable("providerId") String providerId) {
        AccessRule rule = MatchingAccess.READ_PROVIDER;
        rule.admit(caller);
        return districtOf(caller, rule, providerId).then(providers.provider(providerId));
    }

    /**
     * 권역 변경: the zones the member serves and leads from now on, with a reason; 200 with its registry entry. Lines
     * it holds in a zone it gives up stay its (the resident keeps the worker); new offers follow the new zones.
     * Refused as at registration; 409 for the public centre, which serves every dong of its district.
     */
    @PutMapping("/{providerId}/zones")
    Mono<ProviderView> changeProviderZones(
            Caller caller, @PathVariable("providerId") String providerId, @Valid @RequestBody ZoneChange change) {
        AccessRule rule = MatchingAccess.CHANGE_PROVIDER_ZONES;
        rule.admit(caller);
        return tx.transactional(districtOf(caller, rule, providerId)
                        .flatMap(district -> providers
                                .isLastResort(providerId)
                                .flatMap(publicCentre -> publicCentre
                                        ? Mono.error(RuleViolation.conflict(
                                                        providerId + " is the public centre, serving every dong")
                                                .with("providerId", providerId))
                                        : zonesChecked(district, providerId, change.zones(), change.leadOf())))
                        .then(providers.serveZones(providerId, change.zones(), change.leadOf()))
                        .then(providers.recordChange(
                                providerId,
                                RegistryChange.What.ZONES_CHANGED,
                                Map.of("zones", change.zones(), "leadOf", change.leadOf()),
                                caller.subject(),
                                change.reason()))
                        .then(providers.provider(providerId)))
                .retryWhen(TransientFailures.retry());
    }

    record ZoneChange(
            @NotEmpty @Size(max = 50) List<@NotBlank String> zones,
            @Nullable List<@NotBlank String> leadOf,
            @NotBlank @Size(max = 500) String reason) {

        @Override
        public List<String> leadOf() {
            return leadOf == null ? List.of() : leadOf;
        }
    }

    /**
     * 명부 이력: every change of the member's entry (registration, zones, services, contract, suspension), latest
     * first, with who made it and why.
     */
    @GetMapping("/{providerId}/history")
    Flux<RegistryChange> readProviderHistory(Caller caller, @PathVariable("providerId") String providerId) {
        AccessRule rule = MatchingAccess.READ_PROVIDER_HISTORY;
        rule.admit(caller);
        return districtOf(caller, rule, providerId).thenMany(providers.history(providerId));
    }

    /** The registry of one district: members, their zones, services, capacity and current load. */
    @GetMapping
    Flux<ProviderView> listProviders(Caller caller, @RequestParam("district") @NotBlank String district) {
        MatchingAccess.LIST_PROVIDERS.reveal(caller, Holder.district(district), "district", district);
        return providers.providers(district);
    }

    /** The provider's district once the caller may see it; 404 for an unknown provider. */
    private Mono<String> districtOf(Caller caller, AccessRule rule, String providerId) {
        return Mono.defer(() -> providers.districtOf(providerId))
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("provider", providerId)))
                .doOnNext(district ->
                        rule.reveal(caller, Holder.district(district).heldBy(providerId), "provider", providerId));
    }

    /** The zones checked against the district's zone map and leads, the registry held until the caller commits. */
    private Mono<Void> zonesChecked(String district, String providerId, List<String> zones, List<String> leadOf) {
        return providers
                .lockRegistry(district)
                .then(Mono.zip(providers.zonesOf(district), providers.leadsOtherThan(district, providerId)))
                .flatMap(facts -> ZoneRules.refusal(facts.getT1(), zones, leadOf, facts.getT2())
                        .<Mono<Void>>map(Mono::error)
                        .orElseGet(Mono::empty));
    }
}
