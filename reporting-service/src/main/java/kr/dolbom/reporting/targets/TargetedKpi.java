package kr.dolbom.reporting.targets;

import java.util.Arrays;
import java.util.stream.Collectors;
import kr.dolbom.platform.domain.RuleViolation;

/** The KPIs a district's plan sets a target for (Mapo plan, seed 000), each over the period its target counts. */
public enum TargetedKpi {
    /** 식사지원: meals (or side-dish boxes) delivered in the month; Mapo plan: 1,000 a month. */
    MEALS(Period.MONTH),
    /** 주거편의: households served by housing repairs in the month; Mapo plan: 20 a month. */
    HOUSING_HOUSEHOLDS(Period.MONTH),
    /**
     * 공동생산사업단 연매출: the year's charges in the district (public share and co-payments), in won, from January up
     * to the month asked; Mapo plan: at least 200,000,000 a year.
     */
    CONSORTIUM_REVENUE(Period.YEAR);

    /** What one target's value covers: the month asked, or its year. */
    public enum Period {
        MONTH,
        YEAR
    }

    private final Period period;

    TargetedKpi(Period period) {
        this.period = period;
    }

    public Period period() {
        return period;
    }

    /** As the API spells it; anything else is refused naming {@code field}. */
    public static TargetedKpi parse(String field, String name) {
        return Arrays.stream(values())
                .filter(kpi -> kpi.name().equals(name))
                .findFirst()
                .orElseThrow(() -> RuleViolation.invalid(
                        field,
                        "must be one of "
                                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
