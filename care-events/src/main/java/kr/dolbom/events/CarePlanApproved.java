package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.ordered;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 돌봄계획 승인: version {@code version} of the order's care plan holds from {@code effectiveFrom}. Each line of
 * the order is either planned (with the dates of its occurrences from {@code effectiveFrom} on) or ended; no
 * delivery of a line is accepted after its {@code endsOn}. A plan narrows the lines the order was placed with
 * and never widens them, so a consumer that knows the lines from {@link OrderPlaced} only ever moves an end
 * earlier.
 */
public record CarePlanApproved(
        UUID careOrderId, String district, int version, LocalDate effectiveFrom, List<Line> lines, List<Ended> ended)
        implements CareEvent {

    /** Dates one line may plan: one a day for the longest plan. */
    public static final int MOST_OCCURRENCES = 366;

    public CarePlanApproved {
        present(careOrderId, "careOrderId");
        present(district, "district");
        within(version, 1, Integer.MAX_VALUE, "version");
        present(effectiveFrom, "effectiveFrom");
        lines = List.copyOf(present(lines, "lines"));
        ended = List.copyOf(present(ended, "ended"));
        check(!lines.isEmpty(), "a plan has at least one line");
    }

    @Override
    public LocalDate businessDate() {
        return effectiveFrom;
    }

    /**
     * A planned line: {@code quantityPerOccurrence} visits (of {@code minutesPerVisit} each) or units on each of
     * {@code plannedDates}; {@code recurrence} is the RFC 5545 rule or date list they were expanded from.
     */
    public record Line(
            UUID lineId,
            ServiceType serviceType,
            int quantityPerOccurrence,
            @Nullable Integer minutesPerVisit,
            String recurrence,
            LocalDate startsOn,
            LocalDate endsOn,
            List<LocalDate> plannedDates) {

        public Line {
            present(lineId, "lineId");
            present(serviceType, "serviceType");
            within(quantityPerOccurrence, 1, CareSos.MOST_PER_LINE, "quantityPerOccurrence");
            check(serviceType.isTimed() == (minutesPerVisit != null), "minutesPerVisit is given for timed lines only");
            present(recurrence, "recurrence");
            ordered(present(startsOn, "startsOn"), present(endsOn, "endsOn"), "startsOn", "endsOn");
            plannedDates = List.copyOf(present(plannedDates, "plannedDates"));
            check(plannedDates.size() <= MOST_OCCURRENCES, "at most " + MOST_OCCURRENCES + " planned dates");
        }
    }

    /** A line the plan no longer has: its last day of service is {@code endsOn}. */
    public record Ended(UUID lineId, LocalDate endsOn) {

        public Ended {
            present(lineId, "lineId");
            present(endsOn, "endsOn");
        }
    }
}
