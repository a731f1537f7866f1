package kr.dolbom.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareEventType;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.ServiceDelivered;

/**
 * The month an event counts in: the month of its own business date, never the time it was published or
 * processed, so that replaying the log months later puts every event in the same month again.
 */
public final class ReportingMonth {

    private ReportingMonth() {
    }

    /**
     * @throws IllegalArgumentException if the event carries no business date
     */
    public static YearMonth of(CareEvent event) {
        LocalDate date = businessDate(event);
        if (date == null) {
            throw new IllegalArgumentException(CareEventType.of(event).cloudEventType() + " without its business date");
        }
        return YearMonth.from(date);
    }

    /** How a month is stored: its first day. */
    public static LocalDate firstDay(YearMonth month) {
        return month.atDay(1);
    }

    private static LocalDate businessDate(CareEvent event) {
        if (event instanceof OrderPlaced placed) {
            return placed.requestedOn();
        }
        if (event instanceof OrderRejected rejected) {
            return rejected.requestedOn();
        }
        if (event instanceof LineAssigned assigned) {
            return assigned.assignedOn();
        }
        if (event instanceof ServiceDelivered delivered) {
            return delivered.serviceDate();
        }
        if (event instanceof DeliveryCharged charged) {
            return charged.serviceDate();
        }
        throw new IllegalArgumentException("no business date known for " + event.getClass().getSimpleName());
    }
}
