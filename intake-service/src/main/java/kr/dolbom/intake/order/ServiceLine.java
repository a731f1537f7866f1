package kr.dolbom.intake.order;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * One line of the care plan: what, how much, from when to when; and, once matched, who provides it.
 *
 * @param quantity        visits for timed services, units (meals, jobs) otherwise
 * @param minutesPerVisit planned length of each visit; only for timed services
 * @param assignment      null until a provider has been assigned
 */
public record ServiceLine(
        UUID id,
        ServiceType serviceType,
        int quantity,
        @Nullable Integer minutesPerVisit,
        LocalDate startsOn,
        LocalDate endsOn,
        @Nullable Assignment assignment) {

    public record Assignment(String providerId, boolean lastResort, LocalDate assignedOn) {}

    /** A line as requested, before any provider. */
    public static ServiceLine requested(
            ServiceType type, int quantity, @Nullable Integer minutesPerVisit, LocalDate startsOn, LocalDate endsOn) {
        return new ServiceLine(UUID.randomUUID(), type, quantity, minutesPerVisit, startsOn, endsOn, null);
    }

    public boolean assigned() {
        return assignment != null;
    }

    /** The line as the other services learn it: the plan, not who provides it. */
    OrderPlaced.Line announced() {
        return new OrderPlaced.Line(id, serviceType, quantity, minutesPerVisit, startsOn, endsOn);
    }

    /** The line ending on {@code last}, or, before its first day, with an empty period. */
    ServiceLine endingOn(LocalDate last) {
        LocalDate end = last.isBefore(startsOn) ? startsOn.minusDays(1) : last;
        return new ServiceLine(id, serviceType, quantity, minutesPerVisit, startsOn, end, assignment);
    }

    ServiceLine assignedTo(Assignment to) {
        return new ServiceLine(id, serviceType, quantity, minutesPerVisit, startsOn, endsOn, to);
    }
}
