package kr.dolbom.intake.order;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderIncomeTierChanged;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.OrderStarted;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.intake.eligibility.Eligibility;
import kr.dolbom.intake.eligibility.TargetGroup;
import kr.dolbom.platform.domain.RuleViolation;
import org.jspecify.annotations.Nullable;

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
    private @Nullable Hold hold;
    private int version;
    private Set<PriorityGroup> assessedGroups;

    /**
     * A pause of the order's services.
     *
     * @param resumesTo the status the order goes back to
     * @param resumeOn  the day the care manager expects services back, if known
     */
    public record Hold(
            OrderStatus resumesTo,
            HoldReason reason,
            LocalDate from,
            @Nullable LocalDate resumeOn) {}

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
        this(id, residentRef, placement, status, eligibility, lines, null, 1);
    }

    public CareOrder(
            UUID id,
            UUID residentRef,
            Placement placement,
            OrderStatus status,
            Eligibility eligibility,
            List<ServiceLine> lines,
            @Nullable Hold hold,
            int version) {
        this(id, residentRef, placement, status, eligibility, lines, hold, version, Set.of());
    }

    /** @param assessedGroups the priority groups the last assessment found (not {@link PriorityGroup#LOW_INCOME}) */
    public CareOrder(
            UUID id,
            UUID residentRef,
            Placement placement,
            OrderStatus status,
            Eligibility eligibility,
            List<ServiceLine> lines,
            @Nullable Hold hold,
            int version,
            Set<PriorityGroup> assessedGroups) {
        if ((status == OrderStatus.ON_HOLD) != (hold != null)) {
            throw new IllegalArgumentException("an order on hold, and only one, has a hold");
        }
        this.id = id;
        this.residentRef = residentRef;
        this.placement = placement;
        this.status = status;
        this.eligibility = eligibility;
        this.lines = new ArrayList<>(lines);
        this.hold = hold;
        this.version = version;
        this.assessedGroups = copyWithout(assessedGroups, PriorityGroup.LOW_INCOME);
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
        // A closed order still records who had its lines (matching may have matched before it heard of the end).
        if (status == OrderStatus.REJECTED) {
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
            Hold paused = hold;
            if (status == OrderStatus.PLACED) {
                status = OrderStatus.ASSIGNED;
            } else if (paused != null && paused.resumesTo() == OrderStatus.PLACED) {
                hold = new Hold(OrderStatus.ASSIGNED, paused.reason(), paused.from(), paused.resumeOn());
            }
        }
        return assigned;
    }

    /**
     * 재배정: the line went from {@code from} to another provider. Heard for a line that is not {@code from}'s (or has
     * no provider yet) it contradicts what intake knows, and is refused.
     *
     * @return the line as reassigned
     */
    public ServiceLine reassign(UUID lineId, String from, ServiceLine.Assignment to) {
        int index = indexOf(lineId);
        ServiceLine line = lines.get(index);
        ServiceLine.Assignment current = line.assignment();
        if (current == null || !current.providerId().equals(from)) {
            throw RuleViolation.conflict("line " + lineId + " of order " + id + " is assigned to "
                    + (current == null ? "no provider" : current.providerId()) + ", not " + from);
        }
        ServiceLine moved = line.assignedTo(to);
        lines.set(index, moved);
        return moved;
    }

    /**
     * 서비스 개시: the first delivery puts a running order in progress, and an order on hold resumes in progress
     * (a delivery from before the hold, reported late). Later deliveries, and those of a closed order, change
     * nothing.
     */
    public Optional<OrderStarted> started(LocalDate on) {
        Hold paused = hold;
        if (status == OrderStatus.PLACED || status == OrderStatus.ASSIGNED) {
            status = OrderStatus.IN_PROGRESS;
        } else if (paused != null && paused.resumesTo() != OrderStatus.IN_PROGRESS) {
            hold = new Hold(OrderStatus.IN_PROGRESS, paused.reason(), paused.from(), paused.resumeOn());
        } else {
            return Optional.empty();
        }
        version++;
        return Optional.of(new OrderStarted(id, placement.district(), on));
    }

    /**
     * 보류: pauses the services from {@code from} (not before the request, not after today).
     *
     * @throws RuleViolation CONFLICT naming the status when the order is not running
     */
    public OrderPutOnHold putOnHold(HoldReason reason, LocalDate from, @Nullable LocalDate resumeOn, LocalDate today) {
        expect(status.running(), "put on hold");
        if (from.isBefore(placement.requestedOn()) || from.isAfter(today)) {
            throw RuleViolation.invalid(
                    "from", "must be between the request (" + placement.requestedOn() + ") and today (" + today + ")");
        }
        if (resumeOn != null && !resumeOn.isAfter(from)) {
            throw RuleViolation.invalid("resumeOn", "must be after from (" + from + ")");
        }
        hold = new Hold(status, reason, from, resumeOn);
        status = OrderStatus.ON_HOLD;
        version++;
        return new OrderPutOnHold(id, placement.district(), reason, from, resumeOn);
    }

    /** Ends the hold: services are the order's again from {@code on} (not before the hold began). */
    public OrderResumed resume(LocalDate on, LocalDate today) {
        Hold paused = hold;
        if (status != OrderStatus.ON_HOLD || paused == null) {
            throw notNow("resumed");
        }
        if (on.isBefore(paused.from()) || on.isAfter(today)) {
            throw RuleViolation.invalid(
                    "on", "must be between the start of the hold (" + paused.from() + ") and today (" + today + ")");
        }
        status = paused.resumesTo();
        version++;
        hold = null;
        return new OrderResumed(id, placement.district(), on);
    }

    /** 취소: ends the order from {@code on}, running or on hold. */
    public OrderCancelled cancel(CancelReason reason, LocalDate on, LocalDate today) {
        expect(status.open(), "cancelled");
        if (on.isBefore(placement.requestedOn()) || on.isAfter(today)) {
            throw RuleViolation.invalid(
                    "on", "must be between the request (" + placement.requestedOn() + ") and today (" + today + ")");
        }
        status = OrderStatus.CANCELLED;
        version++;
        hold = null;
        return new OrderCancelled(id, placement.district(), reason, on);
    }

    /**
     * 종결: an order whose every line has ended before {@code today} completes; one on hold too, as its plan is
     * over. Empty while a line still runs.
     */
    public Optional<OrderCompleted> completeIfOver(LocalDate today) {
        if (!status.open() || lines.stream().anyMatch(line -> !line.endsOn().isBefore(today))) {
            return Optional.empty();
        }
        LocalDate lastDay = lines.stream()
                .map(ServiceLine::endsOn)
                .max(LocalDate::compareTo)
                .orElse(today);
        status = OrderStatus.COMPLETED;
        version++;
        hold = null;
        return Optional.of(new OrderCompleted(id, placement.district(), lastDay.plusDays(1)));
    }

    /**
     * 돌봄계획 승인: each line ends where the approved plan says. A plan narrows lines and never extends one; a line
     * it ends before its first day keeps an empty period (it ends the day before it starts).
     */
    public void followPlan(Map<UUID, LocalDate> ends) {
        expect(status.open(), "planned");
        for (int i = 0; i < lines.size(); i++) {
            ServiceLine line = lines.get(i);
            LocalDate end = ends.get(line.id());
            if (end != null && end.isBefore(line.endsOn())) {
                lines.set(i, line.endingOn(end));
            }
        }
        version++;
    }

    /** The version the caller saw must be the current one: a change based on an older one is refused (412). */
    public void expectVersion(@Nullable Integer seen) {
        if (seen != null && seen != version) {
            throw RuleViolation.stale("order " + id + " is at version " + version + ", not " + seen
                    + "; read it again before changing it");
        }
    }

    private void expect(boolean allowed, String change) {
        if (!allowed) {
            throw notNow(change);
        }
    }

    private RuleViolation notNow(String change) {
        return RuleViolation.conflict("order " + id + " is " + status + " and cannot be " + change);
    }

    /**
     * The resident's confirmed income tier applies to this order from {@code effectiveOn}: who pays for its
     * later deliveries changes with it. Nothing to announce when the order has the tier already.
     */
    public Optional<CareEvent> changeIncomeTier(IncomeTier tier, LocalDate effectiveOn) {
        if (!status.open()) {
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

    /** The decision on the request, with the rule that made it. */
    public Eligibility eligibility() {
        return eligibility;
    }

    public Priority priority() {
        return Priority.of(placement.urgent(), priorityGroups());
    }

    /** The groups the order belongs to: its income tier's, and those its last assessment found. */
    public Set<PriorityGroup> priorityGroups() {
        Set<PriorityGroup> groups = EnumSet.noneOf(PriorityGroup.class);
        groups.addAll(assessedGroups);
        if (PriorityGroup.lowIncome(placement.incomeTier())) {
            groups.add(PriorityGroup.LOW_INCOME);
        }
        return groups;
    }

    /**
     * 욕구사정: the care manager's assessment places the order in {@code groups}, replacing what an earlier one
     * found; its priority follows.
     */
    public void assessed(Set<PriorityGroup> groups) {
        expect(status.open(), "assessed");
        assessedGroups = copyWithout(groups, PriorityGroup.LOW_INCOME);
        version++;
    }

    private static Set<PriorityGroup> copyWithout(Set<PriorityGroup> groups, PriorityGroup derived) {
        Set<PriorityGroup> copy = EnumSet.noneOf(PriorityGroup.class);
        copy.addAll(groups);
        copy.remove(derived);
        return copy;
    }

    public Optional<Hold> hold() {
        return Optional.ofNullable(hold);
    }

    /** Counts the changes a care manager or the window made, for optimistic writes ({@code If-Match}). */
    public int version() {
        return version;
    }
}
