package kr.dolbom.intake.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.RequestChannel;

/**
 * A care order as the integrated window owns it, from request to assignment. It knows its resident only
 * by the pseudonymous {@code residentRef}; the personal data stays in the resident record.
 */
public final class CareOrder {

    private final UUID id;
    private final UUID residentRef;
    private final Placement placement;
    private final Optional<TargetGroup> targetGroup;
    private final Optional<RejectionReason> rejection;
    private final List<ServiceLine> lines;
    private OrderStatus status;

    /** Where and how the request came in: what the order keeps of it besides the lines. */
    public record Placement(String district, String dong, IncomeTier incomeTier, boolean urgent,
            RequestChannel channel, LocalDate requestedOn) {
    }

    public CareOrder(UUID id, UUID residentRef, Placement placement, OrderStatus status,
            Optional<TargetGroup> targetGroup, Optional<RejectionReason> rejection, List<ServiceLine> lines) {
        this.id = id;
        this.residentRef = residentRef;
        this.placement = placement;
        this.status = status;
        this.targetGroup = targetGroup;
        this.rejection = rejection;
        this.lines = new ArrayList<>(lines);
    }

    public static CareOrder place(UUID residentRef, Placement placement, TargetGroup group, List<ServiceLine> lines) {
        return new CareOrder(UUID.randomUUID(), residentRef, placement, OrderStatus.PLACED, Optional.of(group),
                Optional.empty(), lines);
    }

    /** A rejected order keeps its requested lines for the record; none of them will be matched. */
    public static CareOrder reject(UUID residentRef, Placement placement, RejectionReason reason,
            List<ServiceLine> lines) {
        return new CareOrder(UUID.randomUUID(), residentRef, placement, OrderStatus.REJECTED, Optional.empty(),
                Optional.of(reason), lines);
    }

    /** The event that announces this order to the other services. */
    public CareEvent announcement() {
        if (status == OrderStatus.REJECTED) {
            return new OrderRejected(id, placement.district(), placement.dong(), rejection.orElseThrow(),
                    placement.requestedOn());
        }
        return new OrderPlaced(id, residentRef, placement.district(), placement.dong(), placement.incomeTier(),
                placement.urgent(), placement.channel(), placement.requestedOn(), lines.stream()
                        .map(line -> new OrderPlaced.Line(line.id(), line.serviceType(), line.quantity(),
                                line.minutesPerVisit(), line.startsOn(), line.endsOn()))
                        .toList());
    }

    /**
     * Records the provider of one line; the order is {@link OrderStatus#ASSIGNED} once every line has one.
     *
     * @return the line as assigned
     * @throws IllegalStateException if the order takes no assignments or has no such line
     */
    public ServiceLine assign(UUID lineId, ServiceLine.Assignment assignment) {
        if (!status.acceptsAssignments()) {
            throw new IllegalStateException("order " + id + " is " + status + " and takes no assignments");
        }
        int index = indexOf(lineId);
        ServiceLine assigned = lines.get(index).assignedTo(assignment);
        lines.set(index, assigned);
        if (lines.stream().allMatch(ServiceLine::assigned)) {
            status = OrderStatus.ASSIGNED;
        }
        return assigned;
    }

    private int indexOf(UUID lineId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).id().equals(lineId)) {
                return i;
            }
        }
        throw new IllegalStateException("order " + id + " has no line " + lineId);
    }

    public UUID id() {
        return id;
    }

    public UUID residentRef() {
        return residentRef;
    }

    public Placement placement() {
        return placement;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<TargetGroup> targetGroup() {
        return targetGroup;
    }

    public Optional<RejectionReason> rejection() {
        return rejection;
    }

    public List<ServiceLine> lines() {
        return List.copyOf(lines);
    }
}
