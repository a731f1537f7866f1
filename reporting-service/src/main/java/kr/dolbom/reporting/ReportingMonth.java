package kr.dolbom.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import kr.dolbom.events.CareEvent;

/**
 * The month an event counts in: the month of its own business date, never the time it was published or
 * processed, so that replaying the log months later puts every event in the same month again.
 */
public final class ReportingMonth {

    private ReportingMonth() {}

    public static YearMonth of(CareEvent event) {
        return YearMonth.from(event.businessDate());
    }

    /** How a month is stored: its first day. */
    public static LocalDate firstDay(YearMonth month) {
        return month.atDay(1);
    }
}
