package kr.dolbom.reporting.targets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import kr.dolbom.reporting.access.ReportingAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 목표: a district's targets per KPI, each in force from a month on. Setting one adds a version, never edits one;
 * reading gives the whole history with who set each version and when.
 */
@RestController
@RequestMapping("/api/v1/targets")
class TargetController {

    private final KpiTargets targets;

    TargetController(KpiTargets targets) {
        this.targets = targets;
    }

    /** @param value meals or households a month, or won a year ({@link TargetedKpi}); at least 1 */
    record TargetForm(@NotNull Long value) {}

    record TargetView(
            long id,
            TargetedKpi kpi,
            TargetedKpi.Period period,
            YearMonth validFrom,
            long value,
            String setBy,
            String setAsRole,
            Instant setAt) {

        static TargetView of(Target target) {
            return new TargetView(
                    target.id(),
                    target.kpi(),
                    target.kpi().period(),
                    target.validFrom(),
                    target.value(),
                    target.setBy(),
                    target.setAsRole(),
                    target.setAt());
        }
    }

    /** Every version, by KPI, month and the order they were set in. */
    record TargetsView(String district, List<TargetView> targets) {

        static TargetsView of(TargetHistory history) {
            return new TargetsView(
                    history.district(),
                    history.versions().stream().map(TargetView::of).toList());
        }
    }

    @GetMapping("/{district}")
    Mono<TargetsView> readKpiTargets(Caller caller, @PathVariable("district") @Size(max = 40) String district) {
        ReportingAccess.READ_KPI_TARGETS.reveal(caller, Holder.district(district), "district", district);
        return targets.history(district).map(TargetsView::of);
    }

    /**
     * A new version of the KPI's target from {@code validFrom} (YYYY-MM) on; the answer is the district's history with
     * it. The path is read here rather than bound, so that a bad KPI or month is refused naming its field.
     */
    @PutMapping("/{district}/{kpi}/{validFrom}")
    Mono<TargetsView> setKpiTarget(
            Caller caller,
            @PathVariable("district") @Size(max = 40) String district,
            @PathVariable("kpi") String kpi,
            @PathVariable("validFrom") String validFrom,
            @Valid @RequestBody TargetForm form) {
        ReportingAccess.SET_KPI_TARGET.create(caller, Holder.district(district), "district");
        return Mono.defer(() -> targets.set(
                        caller,
                        district,
                        TargetedKpi.parse("kpi", kpi),
                        Target.month("validFrom", validFrom),
                        form.value()))
                .then(Mono.defer(() -> targets.history(district)))
                .map(TargetsView::of);
    }
}
