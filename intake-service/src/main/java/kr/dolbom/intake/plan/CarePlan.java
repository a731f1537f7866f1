package kr.dolbom.intake.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.CareSos;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.order.CareOrder;
import kr.dolbom.intake.order.ServiceLine;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * 돌봄계획: the versions of one order's care plan. A care manager drafts a version (a draft replaces the previous
 * draft), then approves it; approved versions are history and never change. A version takes over from its
 * {@code effectiveFrom}: the order's planned occurrences are each version's dates up to the next one's start.
 *
 * <p>A plan narrows the lines the order was placed with (dates, recurrence, how much each time) and ends the
 * lines it leaves out; a line that should run longer, or a new service, is a new request. So matching and billing,
 * which know the lines from the placement, only ever see ends move earlier.
 */
public final class CarePlan {

    /** Visits or units on one date of one line: more is a typing error, not a plan. */
    public static final int MOST_PER_OCCURRENCE = 10;

    private final UUID careOrderId;
    private final List<PlanVersion> versions;
    private int revision;

    /** @param revision counts every save, for {@code If-Match} */
    public CarePlan(UUID careOrderId, List<PlanVersion> versions, int revision) {
        this.careOrderId = careOrderId;
        this.versions = new ArrayList<>(versions);
        this.versions.sort(Comparator.comparingInt(PlanVersion::number));
        this.revision = revision;
    }

    /**
     * One line as the care manager proposes it; exactly one of {@code rule} and {@code dates}.
     *
     * @param lineId the order's line this plans
     */
    public record ProposedLine(
            UUID lineId,
            int quantityPerOccurrence,
            @Nullable Integer minutesPerVisit,
            @Nullable String rule,
            @Nullable List<LocalDate> dates,
            LocalDate startsOn,
            LocalDate endsOn) {}

    /** A planned visit, meal or job: what the order's deliveries are compared against. */
    public record Occurrence(
            LocalDate date,
            UUID lineId,
            ServiceType serviceType,
            int quantity,
            @Nullable Integer minutesPerVisit,
            int version) {}

    /**
     * Drafts the next version, replacing a draft not yet approved.
     *
     * @param effectiveFrom when the version takes over: the first version covers the whole order (it defaults to
     *     the first day of its lines); a revision defaults to today and cannot start in the past
     * @throws RuleViolation CONFLICT naming the status of a closed order; INVALID naming each wrong field
     */
    public PlanVersion draft(
            CareOrder order,
            @Nullable LocalDate effectiveFrom,
            List<ProposedLine> proposed,
            String by,
            Instant at,
            LocalDate today) {
        if (!order.status().open()) {
            throw RuleViolation.conflict(
                    "order " + order.id() + " is " + order.status() + "; its care plan is history");
        }
        Optional<PlanVersion> current = current();
        LocalDate firstDay = order.lines().stream()
                .map(ServiceLine::startsOn)
                .min(LocalDate::compareTo)
                .orElse(order.placement().requestedOn());
        LocalDate from = effectiveFrom != null ? effectiveFrom : current.isPresent() ? today : firstDay;
        List<Violation> errors = new ArrayList<>();
        if (current.isEmpty() && from.isBefore(firstDay)) {
            errors.add(new Violation(
                    "effectiveFrom", "must not be before the order's first line starts (" + firstDay + ")"));
        }
        if (current.isPresent()) {
            LocalDate earliest = later(today, current.get().effectiveFrom());
            if (from.isBefore(earliest)) {
                errors.add(new Violation(
                        "effectiveFrom",
                        "must be on or after " + earliest
                                + ": a revision changes the plan from today on, never the past"
                                + " or before the version it revises"));
            }
        }
        Map<UUID, ServiceLine> ordered =
                order.lines().stream().collect(Collectors.toMap(ServiceLine::id, line -> line));
        List<PlanLine> lines = new ArrayList<>();
        Set<UUID> planned = new HashSet<>();
        for (int i = 0; i < proposed.size(); i++) {
            PlanLine line = checked(proposed.get(i), "lines[" + i + "].", ordered, planned, from, errors);
            if (line != null) {
                lines.add(line);
            }
        }
        if (proposed.isEmpty()) {
            errors.add(new Violation("lines", "a plan has at least one line; to stop every service, cancel the order"));
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.invalid(errors);
        }
        List<CarePlanApproved.Ended> ended = order.lines().stream()
                .filter(line -> !planned.contains(line.id()) && !line.endsOn().isBefore(from))
                .map(line -> new CarePlanApproved.Ended(line.id(), from.minusDays(1)))
                .toList();
        int number = current.map(version -> version.number() + 1).orElse(1);
        PlanVersion draft = new PlanVersion(number, from, lines, ended, by, at, null, null);
        versions.removeIf(version -> !version.approved());
        versions.add(draft);
        revision++;
        return draft;
    }

    /**
     * Approves the draft: from its {@code effectiveFrom} it is the plan, and the order's lines end where it says.
     *
     * @throws RuleViolation CONFLICT when there is no draft, the order is closed, or a revision would now start
     *     in the past (it waited too long: draft it again)
     */
    public CarePlanApproved approve(CareOrder order, String by, Instant at, LocalDate today) {
        if (!order.status().open()) {
            throw RuleViolation.conflict(
                    "order " + order.id() + " is " + order.status() + "; its care plan is history");
        }
        PlanVersion draft = draft().orElseThrow(() ->
                RuleViolation.conflict("the care plan of order " + careOrderId + " has no draft to approve"));
        if (draft.number() > 1 && draft.effectiveFrom().isBefore(today)) {
            throw RuleViolation.conflict("draft " + draft.number() + " of the care plan takes effect on "
                    + draft.effectiveFrom() + ", which has passed; draft it again from today");
        }
        PlanVersion approved = draft.approvedBy(by, at);
        versions.set(versions.size() - 1, approved);
        revision++;
        return new CarePlanApproved(
                careOrderId,
                order.placement().district(),
                approved.number(),
                approved.effectiveFrom(),
                approved.lines().stream()
                        .map(line -> line.announced(approved.effectiveFrom()))
                        .toList(),
                approved.ended());
    }

    /** The last day of each line under the plan: where the order's lines now end. */
    public Map<UUID, LocalDate> lineEnds() {
        PlanVersion plan = current().orElseThrow(() -> new IllegalStateException("no approved plan"));
        Map<UUID, LocalDate> ends = new HashMap<>();
        plan.ended().forEach(end -> ends.put(end.lineId(), end.endsOn()));
        plan.lines().forEach(line -> ends.put(line.lineId(), line.endsOn()));
        return ends;
    }

    /** Each approved version's dates, from its start up to the next version's. */
    public List<Occurrence> plannedOccurrences() {
        List<PlanVersion> approved =
                versions.stream().filter(PlanVersion::approved).toList();
        List<Occurrence> occurrences = new ArrayList<>();
        for (int i = 0; i < approved.size(); i++) {
            PlanVersion version = approved.get(i);
            LocalDate until = i + 1 < approved.size()
                    ? approved.get(i + 1).effectiveFrom().minusDays(1)
                    : LocalDate.MAX;
            for (PlanLine line : version.lines()) {
                for (LocalDate date : line.plannedDates(version.effectiveFrom(), until)) {
                    occurrences.add(new Occurrence(
                            date,
                            line.lineId(),
                            line.serviceType(),
                            line.quantityPerOccurrence(),
                            line.minutesPerVisit(),
                            version.number()));
                }
            }
        }
        occurrences.sort(Comparator.comparing(Occurrence::date).thenComparing(Occurrence::lineId));
        return occurrences;
    }

    /** The version in force: the last approved one. */
    public Optional<PlanVersion> current() {
        return versions.stream().filter(PlanVersion::approved).reduce((first, second) -> second);
    }

    /** The version waiting for approval, if any. */
    public Optional<PlanVersion> draft() {
        return versions.isEmpty() || versions.get(versions.size() - 1).approved()
                ? Optional.empty()
                : Optional.of(versions.get(versions.size() - 1));
    }

    /** The version the caller saw must be the current one (412 otherwise). */
    public void expectRevision(@Nullable Integer seen) {
        if (seen != null && seen != revision) {
            throw RuleViolation.stale("the care plan of order " + careOrderId + " is at revision " + revision + ", not "
                    + seen + "; read it again before changing it");
        }
    }

    private static @Nullable PlanLine checked(
            ProposedLine proposed,
            String path,
            Map<UUID, ServiceLine> ordered,
            Set<UUID> planned,
            LocalDate from,
            List<Violation> errors) {
        ServiceLine line = ordered.get(proposed.lineId());
        if (line == null) {
            errors.add(new Violation(path + "lineId", "is not a line of this order; a new service is a new request"));
            return null;
        }
        if (!planned.add(line.id())) {
            errors.add(new Violation(path + "lineId", "is planned twice"));
            return null;
        }
        int before = errors.size();
        ServiceType type = line.serviceType();
        if (proposed.quantityPerOccurrence() < 1 || proposed.quantityPerOccurrence() > MOST_PER_OCCURRENCE) {
            errors.add(new Violation(path + "quantityPerOccurrence", "must be between 1 and " + MOST_PER_OCCURRENCE));
        }
        Integer minutes = proposed.minutesPerVisit();
        if (type.isTimed() && minutes == null) {
            errors.add(new Violation(path + "minutesPerVisit", "is required for " + type));
        } else if (!type.isTimed() && minutes != null) {
            errors.add(new Violation(path + "minutesPerVisit", type + " is counted in units, not minutes"));
        } else if (minutes != null
                && (minutes < CareSos.SHORTEST_VISIT_MINUTES || minutes > CareSos.LONGEST_VISIT_MINUTES)) {
            errors.add(new Violation(
                    path + "minutesPerVisit",
                    "must be between " + CareSos.SHORTEST_VISIT_MINUTES + " and " + CareSos.LONGEST_VISIT_MINUTES));
        }
        if (proposed.endsOn().isBefore(proposed.startsOn())) {
            errors.add(new Violation(path + "endsOn", "must not be before startsOn (" + proposed.startsOn() + ")"));
        }
        if (proposed.startsOn().isBefore(line.startsOn())) {
            errors.add(new Violation(
                    path + "startsOn",
                    "must not be before " + line.startsOn() + ", the line's start: a plan narrows the request"));
        }
        if (proposed.endsOn().isAfter(line.endsOn())) {
            errors.add(new Violation(
                    path + "endsOn",
                    "must not be after " + line.endsOn()
                            + ", the line's end: a plan narrows the request; a longer one is a new request"));
        } else if (proposed.endsOn().isBefore(from)) {
            errors.add(new Violation(
                    path + "endsOn", "must be on or after effectiveFrom (" + from + "); leave the line out to end it"));
        }
        Recurrence recurrence = recurrence(proposed, path, errors);
        if (recurrence == null || errors.size() > before) {
            return null;
        }
        PlanLine planLine = new PlanLine(
                line.id(),
                type,
                proposed.quantityPerOccurrence(),
                minutes,
                recurrence,
                proposed.startsOn(),
                proposed.endsOn());
        String field = path + (proposed.rule() != null ? "rule" : "dates");
        List<LocalDate> dates = planLine.plannedDates();
        if (dates.size() > CarePlanApproved.MOST_OCCURRENCES) {
            errors.add(new Violation(field, "plans more than " + CarePlanApproved.MOST_OCCURRENCES + " dates"));
        } else if (recurrence instanceof Recurrence.Dates list
                && dates.size() < list.dates().size()) {
            errors.add(new Violation(
                    field,
                    "must lie between startsOn and endsOn (" + planLine.startsOn() + " to " + planLine.endsOn() + ")"));
        } else if (planLine.plannedDates(from, planLine.endsOn()).isEmpty()) {
            errors.add(new Violation(
                    field, "gives no date between " + later(from, planLine.startsOn()) + " and " + planLine.endsOn()));
        } else if ((long) dates.size() * planLine.quantityPerOccurrence() > CareSos.MOST_PER_LINE) {
            errors.add(new Violation(
                    path + "quantityPerOccurrence",
                    "plans " + (long) dates.size() * planLine.quantityPerOccurrence() + " in all; a line plans at most "
                            + CareSos.MOST_PER_LINE));
        }
        return errors.size() > before ? null : planLine;
    }

    private static @Nullable Recurrence recurrence(ProposedLine proposed, String path, List<Violation> errors) {
        String rule = proposed.rule();
        List<LocalDate> dates = proposed.dates();
        if ((rule == null) == (dates == null)) {
            errors.add(new Violation(path + "rule", "give either a recurrence rule or a list of dates"));
            return null;
        }
        try {
            return rule != null ? Recurrence.rule(rule) : Recurrence.dates(dates);
        } catch (IllegalArgumentException wrong) {
            errors.add(new Violation(path + (rule != null ? "rule" : "dates"), wrong.getMessage()));
            return null;
        }
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    public UUID careOrderId() {
        return careOrderId;
    }

    public List<PlanVersion> versions() {
        return List.copyOf(versions);
    }

    public int revision() {
        return revision;
    }
}
