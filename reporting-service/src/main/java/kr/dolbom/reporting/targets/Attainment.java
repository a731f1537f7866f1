package kr.dolbom.reporting.targets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * A KPI's actual figure against the target in force in the month asked (달성률).
 *
 * @param actual    the month's figure, or the year's up to that month for a yearly target
 * @param share     actual ÷ target rounded down to four places (1.0000 = met; beyond 1 when exceeded)
 * @param validFrom the month from which the target shown is in force
 */
public record Attainment(
        TargetedKpi kpi, TargetedKpi.Period period, long actual, long target, BigDecimal share, YearMonth validFrom) {

    static Attainment of(long actual, Target target) {
        return new Attainment(
                target.kpi(),
                target.kpi().period(),
                actual,
                target.value(),
                BigDecimal.valueOf(actual).divide(BigDecimal.valueOf(target.value()), 4, RoundingMode.DOWN),
                target.validFrom());
    }

    public boolean met() {
        return actual >= target;
    }
}
