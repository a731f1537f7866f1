package kr.dolbom.intake.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.eligibility.TargetGroup;
import org.jspecify.annotations.Nullable;

/** A care order for the window's staff: status, lines with their providers, and what happened when. No personal data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CareOrderView(
        UUID careOrderId,
        UUID residentRef,
        OrderStatus status,
        int version,
        CareOrder.@Nullable Hold hold,
        @Nullable RejectionReason rejectionReason,
        @Nullable TargetGroup targetGroup,
        String eligibilityRule,
        Priority priority,
        String district,
        String dong,
        boolean urgent,
        RequestChannel channel,
        LocalDate requestedOn,
        List<Line> lines,
        List<CareOrderStore.HistoryEntry> history) {

    record Line(
            UUID lineId,
            ServiceType serviceType,
            int quantity,
            @Nullable Integer minutesPerVisit,
            LocalDate from,
            LocalDate to,
            @Nullable String providerId,
            @Nullable Boolean lastResort,
            @Nullable LocalDate assignedOn) {

        static Line of(ServiceLine line) {
            ServiceLine.Assignment assignment = line.assignment();
            return new Line(
                    line.id(),
                    line.serviceType(),
                    line.quantity(),
                    line.minutesPerVisit(),
                    line.startsOn(),
                    line.endsOn(),
                    assignment == null ? null : assignment.providerId(),
                    assignment == null ? null : assignment.lastResort(),
                    assignment == null ? null : assignment.assignedOn());
        }
    }

    static CareOrderView of(CareOrder order, List<CareOrderStore.HistoryEntry> history) {
        CareOrder.Placement placement = order.placement();
        return new CareOrderView(
                order.id(),
                order.residentRef(),
                order.status(),
                order.version(),
                order.hold().orElse(null),
                order.rejection().orElse(null),
                order.targetGroup().orElse(null),
                order.eligibility().rule(),
                order.priority(),
                placement.district(),
                placement.dong(),
                placement.urgent(),
                placement.channel(),
                placement.requestedOn(),
                order.lines().stream().map(Line::of).toList(),
                history);
    }
}
