package kr.dolbom.intake.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * One line of a plan version: {@code quantityPerOccurrence} visits of {@code minutesPerVisit} (timed services) or
 * units (meals, jobs) on each date of its recurrence between {@code startsOn} and {@code endsOn}.
 */
public record PlanLine(
        UUID lineId,
        ServiceType serviceType,
        int quantityPerOccurrence,
        @Nullable Integer minutesPerVisit,
        Recurrence recurrence,
        LocalDate startsOn,
        LocalDate endsOn) {

    /** Every date the line plans over its whole period. */
    public List<LocalDate> plannedDates() {
        return recurrence.datesBetween(startsOn, endsOn);
    }

    /** The dates the line plans from {@code from} to {@code to}, both included. */
    public List<LocalDate> plannedDates(LocalDate from, LocalDate to) {
        return plannedDates().stream()
                .filter(date -> !date.isBefore(from) && !date.isAfter(to))
                .toList();
    }

    CarePlanApproved.Line announced(LocalDate effectiveFrom) {
        return new CarePlanApproved.Line(
                lineId,
                serviceType,
                quantityPerOccurrence,
                minutesPerVisit,
                recurrence.text(),
                startsOn,
                endsOn,
                plannedDates(effectiveFrom, endsOn));
    }
}
