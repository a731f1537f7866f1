package kr.dolbom.matching.assignment;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/** A line as its provider and the window look it up: the plan, who has it, and how far it has got. */
record AssignmentView(
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

    static AssignmentView of(LineAssignment line) {
        return new AssignmentView(
                line.lineId(),
                line.careOrderId(),
                line.providerId(),
                line.lastResort(),
                line.serviceType(),
                line.residentRef(),
                line.district(),
                line.dong(),
                line.incomeTier(),
                line.quantity(),
                line.minutesPerVisit(),
                line.startsOn(),
                line.endsOn(),
                line.assignedOn(),
                line.delivered());
    }
}
