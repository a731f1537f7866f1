package kr.dolbom.matching.assignment;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;

/**
 * A service line in the hands of a provider, with what it has delivered so far.
 *
 * @param quantity  visits for timed services, units otherwise, as the care plan set them
 * @param delivered visits or units reported so far
 */
public record LineAssignment(
        UUID lineId,
        UUID careOrderId,
        String providerId,
        boolean lastResort,
        ServiceType serviceType,
        UUID residentRef,
        String district,
        String dong,
        IncomeTier incomeTier,
        int quantity,
        Integer minutesPerVisit,
        LocalDate startsOn,
        LocalDate endsOn,
        LocalDate assignedOn,
        int delivered) {

    public int remaining() {
        return quantity - delivered;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
