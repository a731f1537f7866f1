package kr.dolbom.billing.budget;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.events.BudgetThresholdReached;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 예산: a district's program budgets of a year, set by its billing officer (each time a new version) and read against
 * the year's spending — the public share of every charge of the program delivered that year, whatever state its
 * settlement is in — with the thresholds reached; and the consortium's revenue against its yearly target.
 */
@RestController
@RequestMapping("/api/v1/budgets")
class BudgetController {

    private final BudgetStore store;
    private final Budgets budgets;
    private final ConsortiumProperties consortium;

    BudgetController(BudgetStore store, Budgets budgets, ConsortiumProperties consortium) {
        this.store = store;
        this.budgets = budgets;
        this.consortium = consortium;
    }

    /**
     * @param amount the program's budget of the year in won, at least 1
     * @param basis where it comes from (the district's budget book, a supplementary budget), kept with the version
     */
    record BudgetForm(
            @NotNull
            @Min(value = 1, message = "must be at least 1 won")
            @Max(value = BudgetThresholdReached.LARGEST_BUDGET, message = "must be at most 1,000,000,000,000 won")
            Long amount,

            @NotBlank @Size(max = 200) String basis) {}

    /** One version of a program's budget, who set it, and the thresholds it reached. */
    record VersionView(
            int version,
            long amount,
            String basis,
            String setBy,
            String setAsRole,
            Instant setAt,
            List<ThresholdView> thresholdsReached) {}

    /** {@code chargeId} is null for a threshold reached when its version was set. */
    record ThresholdView(
            int threshold, long spent, @Nullable UUID chargeId, Instant reachedAt) {}

    /**
     * A program's year: {@code budget} and {@code version} in force (null without one), {@code spent} the public
     * share of its charges (what the budget pays), {@code charged} their whole amount, {@code share} spent ÷ budget
     * rounded down to four places, {@code thresholdsReached} those of the version in force.
     */
    record ProgramView(
            ServiceType serviceType,
            @Nullable Long budget,
            @Nullable Integer version,
            long spent,
            long charged,
            long charges,
            @Nullable BigDecimal share,
            List<Integer> thresholdsReached,
            List<VersionView> versions) {}

    /**
     * 공동생산사업단 연매출: every charge of the year in the district (public share and co-payments) against the target.
     */
    record ConsortiumView(long revenue, long target, BigDecimal share, boolean reached) {}

    record BudgetsView(String district, int year, List<ProgramView> programs, ConsortiumView consortium) {}

    @GetMapping("/{district}/{year}")
    Mono<BudgetsView> readBudgets(
            Caller caller, @PathVariable("district") @Size(max = 100) String district, @PathVariable("year") int year) {
        BillingAccess.READ_BUDGETS.reveal(caller, Holder.district(district), "district", district);
        Budget.requireYear(year);
        return view(district, year);
    }

    /** A new version of the program's budget of the year; its thresholds are armed again. */
    @PutMapping("/{district}/{year}/{serviceType}")
    Mono<BudgetsView> setBudget(
            Caller caller,
            @PathVariable("district") @Size(max = 100) String district,
            @PathVariable("year") int year,
            @PathVariable("serviceType") ServiceType serviceType,
            @Valid @RequestBody BudgetForm form) {
        return budgets.set(caller, district, year, serviceType, form.amount(), form.basis())
                .then(Mono.defer(() -> view(district, year)));
    }

    private Mono<BudgetsView> view(String district, int year) {
        return Mono.zip(
                        store.spending(district, year).collectMap(ProgramSpend::serviceType),
                        store.versions(district, year).collectList(),
                        store.reached(district, year).collectList())
                .map(read -> {
                    Map<ServiceType, ProgramSpend> spending = read.getT1();
                    List<ProgramView> programs = Stream.of(ServiceType.values())
                            .map(type -> program(
                                    spending.getOrDefault(type, ProgramSpend.none(district, year, type)),
                                    read.getT2().stream()
                                            .filter(budget -> budget.serviceType() == type)
                                            .toList(),
                                    read.getT3().stream()
                                            .filter(reached -> reached.serviceType() == type)
                                            .toList()))
                            .toList();
                    long revenue = spending.values().stream()
                            .mapToLong(ProgramSpend::amount)
                            .reduce(0, Math::addExact);
                    long target = consortium.target();
                    return new BudgetsView(
                            district,
                            year,
                            programs,
                            new ConsortiumView(
                                    revenue, target, BudgetThresholds.share(target, revenue), revenue >= target));
                });
    }

    private static ProgramView program(ProgramSpend spent, List<Budget> versions, List<ReachedThreshold> reached) {
        Map<Integer, List<ThresholdView>> byVersion = reached.stream()
                .collect(Collectors.groupingBy(
                        ReachedThreshold::version,
                        Collectors.mapping(
                                r -> new ThresholdView(r.threshold(), r.spent(), r.chargeId(), r.reachedAt()),
                                Collectors.toList())));
        List<VersionView> history = versions.stream()
                .map(budget -> new VersionView(
                        budget.version(),
                        budget.amount(),
                        budget.basis(),
                        budget.setBy(),
                        budget.setAsRole(),
                        budget.setAt(),
                        byVersion.getOrDefault(budget.version(), List.of())))
                .toList();
        Budget current = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        return new ProgramView(
                spent.serviceType(),
                current == null ? null : current.amount(),
                current == null ? null : current.version(),
                spent.publicShare(),
                spent.amount(),
                spent.charges(),
                current == null ? null : BudgetThresholds.share(current.amount(), spent.publicShare()),
                current == null
                        ? List.of()
                        : byVersion.getOrDefault(current.version(), List.of()).stream()
                                .map(ThresholdView::threshold)
                                .toList(),
                history);
    }
}
