package kr.dolbom.reporting.order;

import java.time.YearMonth;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.reporting.ReportingMonth;

/** What one assignment (연계) adds to its district's month. */
public record LineFigures(String district, YearMonth month, long assigned, long lastResort) {

    public static LineFigures of(LineAssigned assigned) {
        return new LineFigures(assigned.district(), ReportingMonth.of(assigned), 1, assigned.lastResort() ? 1 : 0);
    }

    /** Two figures of the same district's month, together. */
    public LineFigures plus(LineFigures other) {
        if (!district.equals(other.district) || !month.equals(other.month)) {
            throw new IllegalArgumentException("figures of " + district + " " + month + " and " + other.district + " "
                    + other.month + " are not one month");
        }
        return new LineFigures(
                district, month, Math.addExact(assigned, other.assigned), Math.addExact(lastResort, other.lastResort));
    }
}
