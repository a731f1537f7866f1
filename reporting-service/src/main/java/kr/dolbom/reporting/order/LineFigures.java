package kr.dolbom.reporting.order;

import java.time.YearMonth;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.reporting.ReportingMonth;

/** What one assignment (연계) adds to its district's month. */
public record LineFigures(String district, YearMonth month, long assigned, long lastResort) {

    public static LineFigures of(LineAssigned assigned) {
        return new LineFigures(assigned.district(), ReportingMonth.of(assigned), 1, assigned.lastResort() ? 1 : 0);
    }
}
