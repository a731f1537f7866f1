package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.ordered;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

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
        List<Line> lines)
        implements CareEvent {

    public OrderPlaced {
        present(careOrderId, "careOrderId");
        present(residentRef, "residentRef");
        present(district, "district");
        present(dong, "dong");
        present(incomeTier, "incomeTier");
        present(channel, "channel");
        present(requestedOn, "requestedOn");
        lines = List.copyOf(present(lines, "lines"));
        check(!lines.isEmpty(), "an order has at least one line");
    }

    @Override
    public LocalDate businessDate() {
        return requestedOn;
    }

    /**
     * One service line of the care plan. Timed services give the visits ({@code quantity}) and the
     * planned minutes of each; unit services give the number of units and no minutes.
     */
    public record Line(
            UUID lineId,
            ServiceType serviceType,
            int quantity,
            @Nullable Integer plannedMinutes,
            LocalDate startsOn,
            LocalDate endsOn) {

        public Line {
            present(lineId, "lineId");
            present(serviceType, "serviceType");
            within(quantity, 1, CareSos.MOST_PER_LINE, "quantity");
            if (serviceType.isTimed()) {
                String problem =
                        CareSos.visitLengthProblem(Duration.ofMinutes(present(plannedMinutes, "plannedMinutes")));
                check(problem == null, "plannedMinutes: " + problem);
            } else {
                check(plannedMinutes == null, serviceType + " is counted in units, not minutes");
            }
            ordered(present(startsOn, "startsOn"), present(endsOn, "endsOn"), "startsOn", "endsOn");
        }
    }
}
