package kr.dolbom.intake.order;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.ServiceType;

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
        Integer minutesPerVisit,
        LocalDate startsOn,
        LocalDate endsOn,
        Assignment assignment) {

    public record Assignment(String providerId, boolean lastResort, LocalDate assignedOn) {
    }

    public boolean assigned() {
        return assignment != null;
    }

    ServiceLine assignedTo(Assignment to) {
        return new ServiceLine(id, serviceType, quantity, minutesPerVisit, startsOn, endsOn, to);
    }
}
