package kr.dolbom.platform.domain;

import java.util.List;

/**
 * A rule of the domain said no. Rules, policies and services raise it in domain words; the edges translate it
 * once each: the web advice into a problem+json answer (400, 422, 404, 409, 403 or 412 by {@link Kind}), the consumers'
 * error handling into "dead-letter at once, never retry" with the message as the reason.
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

    private final Kind kind;
    private final List<Violation> violations;

    private RuleViolation(Kind kind, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.kind = kind;
        this.violations = List.copyOf(violations);
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

    /** The fields at fault; empty for a missing thing or a conflict, which concern the request as a whole. */
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return String.join(
                "; ",
                violations.stream().map(v -> v.field() + ": " + v.message()).toList());
    }
}
