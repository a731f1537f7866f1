package kr.dolbom.reporting.targets;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Every version of one district's targets, and which is in force in a month. */
public record TargetHistory(String district, List<Target> versions) {

    public TargetHistory {
        versions = versions.stream()
                .sorted(Comparator.comparing(Target::kpi)
                        .thenComparing(Target::validFrom)
                        .thenComparingLong(Target::id))
                .toList();
    }

    /**
     * The target of {@code month}: the one valid from the latest month not after it, its newest version when that
     * month's target was set more than once; null before the first.
     */
    public @Nullable Target inForce(TargetedKpi kpi, YearMonth month) {
        Target found = null;
        for (Target version : versions) {
            if (version.kpi() == kpi && !version.validFrom().isAfter(month)) {
                found = version; // sorted: a later month, or a newer version of the same month, comes after
            }
        }
        return found;
    }

    /** The month's actual figures against the targets in force then, for each KPI that has one and a figure. */
    public List<Attainment> attainments(YearMonth month, Map<TargetedKpi, Long> actuals) {
        List<Attainment> attained = new ArrayList<>();
        for (TargetedKpi kpi : TargetedKpi.values()) {
            Target target = inForce(kpi, month);
            Long actual = actuals.get(kpi);
            if (target != null && actual != null) {
                attained.add(Attainment.of(actual, target));
            }
        }
        return attained;
    }
}
