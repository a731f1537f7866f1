package kr.dolbom.intake.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderIncomeTierChanged;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.intake.eligibility.Eligibility;
import kr.dolbom.intake.eligibility.TargetGroup;
import kr.dolbom.platform.domain.RuleViolation;

/**
 * A care order as the integrated window owns it, from request to assignment. It knows its resident only
 * by the pseudonymous {@code residentRef}; the personal data stays in the resident record.
 */
public final class CareOrder {

    private final UUID id;
    private final UUID residentRef;
    private Placement placement;
    private final Eligibility eligibility;
    private final List<ServiceLine> lines;
    private OrderStatus status;

    /** Where and how the request came in: what the order keeps of it besides the lines. */
    public record Placement(
            String district,
            String dong,
            IncomeTier incomeTier,
            boolean urgent,
            RequestChannel channel,
            LocalDate requestedOn) {}

    public CareOrder(
            UUID id,
            UUID residentRef,
            Placement placement,
            OrderStatus status,
            Eligibility eligibility,
            List<ServiceLine> lines) {
        this.id = id;
        this.residentRef = residentRef;
        this.placement = placement;
        this.status = status;
        this.eligibility = eligibility;
        this.lines = new ArrayList<>(lines);
    }

    /**
     * The order a request becomes: placed when the resident is eligible; otherwise rejected, keeping its
     * requested lines for the record, none of which will be matched.
     */
    public static CareOrder request(
            UUID residentRef, Placement placement, Eligibility eligibility, List<ServiceLine> lines) {
        OrderStatus status = eligibility.eligible() ? OrderStatus.PLACED : OrderStatus.REJECTED;
        return new CareOrder(UUID.randomUUID(), residentRef, placement, status, eligibility, lines);
    }

    /** The event that announces this order to the other services. */
    public CareEvent announcement() {
        if (eligibility instanceof Eligibility.Rejected rejected) {
            return new OrderRejected(
                    id, placement.district(), placement.dong(), rejected.reason(), placement.requestedOn());
        }
        return new OrderPlaced(
                id,
                residentRef,
                placement.district(),
                placement.dong(),
                placement.incomeTier(),
                placement.urgent(),
                placement.channel(),
                placement.requestedOn(),
                lines.stream().map(ServiceLine::announced).toList());
    }

    /**
     * Records the provider of one line; the order is {@link OrderStatus#ASSIGNED} once every line has one.
     * The same assignment heard twice changes nothing; another provider for a line that has one is a
     * contradiction, not a reassignment, and is refused.
     *
     * @return the line as assigned
     */
    public ServiceLine assign(UUID lineId, ServiceLine.Assignment assignment) {
        if (!status.acceptsAssignments()) {
            throw RuleViolation.refused("status", "order " + id + " is " + status + " and takes no assignments");
        }
        int index = indexOf(lineId);
        ServiceLine line = lines.get(index);
        ServiceLine.Assignment current = line.assignment();
        if (current != null && !current.providerId().equals(assignment.providerId())) {
            throw RuleViolation.conflict("line " + lineId + " of order " + id + " is assigned to "
                    + current.providerId() + ", not " + assignment.providerId());
        }
        ServiceLine assigned = line.assignedTo(assignment);
        lines.set(index, assigned);
        if (lines.stream().allMatch(ServiceLine::assigned)) {
            status = OrderStatus.ASSIGNED;
        }
        return assigned;
    }

    /**
     * The resident's confirmed income tier applies to this order from {@code effectiveOn}: who pays for its
     * later deliveries changes with it. Nothing to announce when the order has the tier already.
     */
    public Optional<CareEvent> changeIncomeTier(IncomeTier tier, LocalDate effectiveOn) {
        if (!status.acceptsAssignments()) {
            throw RuleViolation.refused("status", "order " + id + " is " + status + "; its income tier is history");
        }
        if (placement.incomeTier() == tier) {
            return Optional.empty();
        }
        placement = new Placement(
                placement.district(),
                placement.dong(),
                tier,
                placement.urgent(),
                placement.channel(),
                placement.requestedOn());
        return Optional.of(new OrderIncomeTierChanged(id, residentRef, placement.district(), tier, effectiveOn));
    }

    private int indexOf(UUID lineId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).id().equals(lineId)) {
                return i;
            }
        }
        throw RuleViolation.refused("lineId", "order " + id + " has no line " + lineId);
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
        return eligibility.group();
    }

    public Optional<RejectionReason> rejection() {
        return eligibility.rejection();
    }

    public List<ServiceLine> lines() {
        return List.copyOf(lines);
    }
}
