package kr.dolbom.matching.assignment;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineHandedBack;
import kr.dolbom.events.LineReassigned;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ReassignCause;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;

/**
 * A service line in the hands of a provider, with what it has delivered so far. The resident, the district and
 * the income tier stay with the line because every delivery on it is announced with them.
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
        @Nullable Integer minutesPerVisit,
        LocalDate startsOn,
        LocalDate endsOn,
        LocalDate assignedOn,
        int delivered) {

    /** Whose the line is: its resident's district and dong, and the provider it is assigned to. */
    public Holder holder() {
        return Holder.district(district).dong(dong).heldBy(providerId);
    }

    /** A line of a placed order, just given to a provider, before anything is delivered on it. */
    static LineAssignment of(
            OrderPlaced order,
            OrderPlaced.Line line,
            IncomeTier incomeTier,
            String providerId,
            boolean lastResort,
            LocalDate assignedOn) {
        return new LineAssignment(
                line.lineId(),
                order.careOrderId(),
                providerId,
                lastResort,
                line.serviceType(),
                order.residentRef(),
                order.district(),
                order.dong(),
                incomeTier,
                line.quantity(),
                line.plannedMinutes(),
                line.startsOn(),
                line.endsOn(),
                assignedOn,
                0);
    }

    LineAssigned announcement() {
        return new LineAssigned(careOrderId, lineId, serviceType, providerId, lastResort, district, dong, assignedOn);
    }

    /** Visits or units are left and its period is not over on {@code day}: the line can still change hands. */
    boolean runsOn(LocalDate day) {
        return remaining() > 0 && !endsOn.isBefore(day);
    }

    /** The line in the hands of {@code to}, its deliveries so far counted as before. */
    LineAssignment movedTo(String to, boolean toLastResort) {
        return new LineAssignment(
                lineId,
                careOrderId,
                to,
                toLastResort,
                serviceType,
                residentRef,
                district,
                dong,
                incomeTier,
                quantity,
                minutesPerVisit,
                startsOn,
                endsOn,
                assignedOn,
                delivered);
    }

    LineReassigned reassignment(LineAssignment moved, ReassignCause cause, LocalDate on) {
        return new LineReassigned(
                careOrderId,
                lineId,
                serviceType,
                providerId,
                moved.providerId(),
                moved.lastResort(),
                cause,
                district,
                dong,
                on);
    }

    LineHandedBack handBack(DeclineReason reason, LocalDate on) {
        return new LineHandedBack(careOrderId, lineId, serviceType, providerId, reason, district, dong, on);
    }

    /** The line as a care plan ends it, if that is earlier than its end. */
    LineAssignment endingBy(LocalDate end) {
        return end.isBefore(endsOn)
                ? new LineAssignment(
                        lineId,
                        careOrderId,
                        providerId,
                        lastResort,
                        serviceType,
                        residentRef,
                        district,
                        dong,
                        incomeTier,
                        quantity,
                        minutesPerVisit,
                        startsOn,
                        end,
                        assignedOn,
                        delivered)
                : this;
    }

    public int remaining() {
        return quantity - delivered;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }
}
