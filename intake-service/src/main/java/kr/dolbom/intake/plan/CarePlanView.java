package kr.dolbom.intake.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * A care plan as the window shows it: every version (the draft last), and the planned occurrences of the
 * approved versions between {@code from} and {@code to}.
 *
 * @param revision what {@code If-Match} names when changing the plan
 */
record CarePlanView(
        UUID careOrderId,
        int revision,
        @Nullable Integer currentVersion,
        List<Version> versions,
        List<CarePlan.Occurrence> occurrences) {

    enum Status {
        DRAFT,
        APPROVED,
        SUPERSEDED
    }

    record Version(
            int number,
            Status status,
            LocalDate effectiveFrom,
            List<Line> lines,
            List<CarePlanApproved.Ended> ended,
            String draftedBy,
            Instant draftedAt,
            @Nullable String approvedBy,
            @Nullable Instant approvedAt) {}

    /** @param occurrences how many dates the line plans over its whole period */
    record Line(
            UUID lineId,
            ServiceType serviceType,
            int quantityPerOccurrence,
            @Nullable Integer minutesPerVisit,
            String recurrence,
            LocalDate startsOn,
            LocalDate endsOn,
            int occurrences) {}

    static CarePlanView of(CarePlan plan, LocalDate from, LocalDate to) {
        Integer current = plan.current().map(PlanVersion::number).orElse(null);
        List<Version> versions = plan.versions().stream()
                .map(version -> new Version(
                        version.number(),
                        !version.approved()
                                ? Status.DRAFT
                                : current != null && version.number() == current ? Status.APPROVED : Status.SUPERSEDED,
                        version.effectiveFrom(),
                        version.lines().stream()
                                .map(line -> new Line(
                                        line.lineId(),
                                        line.serviceType(),
                                        line.quantityPerOccurrence(),
                                        line.minutesPerVisit(),
                                        line.recurrence().text(),
                                        line.startsOn(),
                                        line.endsOn(),
                                        line.plannedDates().size()))
                                .toList(),
                        version.ended(),
                        version.draftedBy(),
                        version.draftedAt(),
                        version.approvedBy(),
                        version.approvedAt()))
                .toList();
        List<CarePlan.Occurrence> occurrences = plan.plannedOccurrences().stream()
                .filter(occurrence ->
                        !occurrence.date().isBefore(from) && !occurrence.date().isAfter(to))
                .toList();
        return new CarePlanView(plan.careOrderId(), plan.revision(), current, versions, occurrences);
    }
}
