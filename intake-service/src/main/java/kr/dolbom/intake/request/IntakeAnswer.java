package kr.dolbom.intake.request;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.order.CareOrder;
import kr.dolbom.intake.order.OrderStatus;
import org.jspecify.annotations.Nullable;

/** What the caller learns right away: the order's id, whether it was placed or why not, and its line ids. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeAnswer(
        UUID careOrderId, OrderStatus status, @Nullable RejectionReason rejectionReason, List<Line> lines) {

    public record Line(UUID lineId, ServiceType serviceType) {}

    static IntakeAnswer of(CareOrder order) {
        return new IntakeAnswer(
                order.id(),
                order.status(),
                order.rejection().orElse(null),
                order.lines().stream()
                        .map(line -> new Line(line.id(), line.serviceType()))
                        .toList());
    }
}
