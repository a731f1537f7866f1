package kr.dolbom.platform.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule of the domain said no. Rules, policies and services raise it in domain words; the edges translate it
 * once each: the web advice into a problem+json answer (400, 422, 404, 409, 403 or 412 by {@link Kind}), the consumers'
 * error handling into "dead-letter at once, never retry" with the message as the reason. A violation may carry
 * {@link #properties() properties} for the caller to act on (the id of the record it conflicts with); the web
 * advice adds them to the problem as members of their own.
 */
public final class RuleViolation extends RuntimeException {

    /** What kind of no it is; it decides the answer a caller gets. */
    public enum Kind {
        /** A value is not acceptable on its own (a malformed date range, a missing time). */
        INVALID,
        /** Well-formed, but the rules refuse it in the current state of things (another provider's line). */
        REFUSED,
        /** What it names does not exist, or is not the caller's to see. */
        NOT_FOUND,
        /** It contradicts what is already recorded (the same visit twice). */
        CONFLICT,
        /** The caller's role may never do this, whoever's record it names. */
        FORBIDDEN,
        /** Based on a version of the record that is no longer current ({@code If-Match}). */
        STALE
    }

    /** A field by its path in the request ({@code services[0].minutesPerVisit}) and what is wrong with it. */
    public record Violation(String field, String message) {}

    /** The members of a problem that a property must not replace (RFC 9457's own, and the field errors). */
    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "errors");

    private final Kind kind;
    private final List<Violation> violations;
    private final Map<String, Object> properties;

    private RuleViolation(Kind kind, String message, List<Violation> violations) {
        this(kind, message, violations, Map.of());
    }

    private RuleViolation(Kind kind, String message, List<Violation> violations, Map<String, Object> properties) {
        super(message, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
        this.properties = properties;
    }

    public static RuleViolation invalid(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a violation names at least one field");
        }
        return new RuleViolation(Kind.INVALID, describe(violations), violations);
    }

    public static RuleViolation invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static RuleViolation refused(String field, String message) {
        List<Violation> violations = List.of(new Violation(field, message));
        return new RuleViolation(Kind.REFUSED, describe(violations), violations);
    }

    public static RuleViolation notFound(String what, Object id) {
        return new RuleViolation(Kind.NOT_FOUND, what + " " + id + " not found", List.of());
    }

    public static RuleViolation conflict(String detail) {
        return new RuleViolation(Kind.CONFLICT, detail, List.of());
    }

    /** Fields of the request that contradict what is already recorded (a service already ordered). */
    public static RuleViolation conflict(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a violation names at least one field");
        }
        return new RuleViolation(Kind.CONFLICT, describe(violations), violations);
    }

    public static RuleViolation stale(String detail) {
        return new RuleViolation(Kind.STALE, detail, List.of());
    }

    /** Names no record and no field value: the answer must not tell a caller what exists. */
    public static RuleViolation forbidden(String detail) {
        return new RuleViolation(Kind.FORBIDDEN, detail, List.of());
    }

    /** A field of the request the caller may not set as it did (a district or provider not its own). */
    public static RuleViolation forbidden(String field, String message) {
        List<Violation> violations = List.of(new Violation(field, message));
        return new RuleViolation(Kind.FORBIDDEN, describe(violations), violations);
    }

    public Kind kind() {
        return kind;
    }

    /** The fields at fault; empty for a missing thing or a conflict that concerns the request as a whole. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * The same violation with one more property for the caller to act on, e.g. {@code existingOrderId}: a name of
     * its own (not one of a problem's members) and a value that serialises as JSON.
     */
    public RuleViolation with(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a member of every problem, not a property");
        }
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        return new RuleViolation(kind, getMessage(), violations, Collections.unmodifiableMap(more));
    }

    /** What the caller is told beside the message and the fields, in the order given; empty for most. */
    public Map<String, Object> properties() {
        return properties;
    }

    private static String describe(List<Violation> violations) {
        return String.join(
                "; ",
                violations.stream().map(v -> v.field() + ": " + v.message()).toList());
    }
}
