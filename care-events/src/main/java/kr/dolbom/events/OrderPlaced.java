package kr.dolbom.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An eligible request became a care order with one or more service lines. */
public record OrderPlaced(
        UUID careOrderId,
        UUID residentRef,
        String district,
        String dong,
        IncomeTier incomeTier,
        boolean urgent,
        RequestChannel channel,
        LocalDate requestedOn,
        List<Line> lines) implements CareEvent {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }

    /**
     * One service line of the care plan. Timed services give the visits ({@code quantity}) and the
     * planned minutes of each; unit services give the number of units and no minutes.
     */
    public record Line(
            UUID lineId,
            ServiceType serviceType,
            int quantity,
            Integer plannedMinutes,
            LocalDate startsOn,
            LocalDate endsOn) {
    }
}
