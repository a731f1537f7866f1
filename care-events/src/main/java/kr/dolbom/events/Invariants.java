package kr.dolbom.events;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The checks the contract records make in their compact constructors; a failure makes the event malformed. */
final class Invariants {

    private Invariants() {}

    static <T> T present(@Nullable T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new MalformedEventException(field + " is missing");
        }
        return value;
    }

    static long within(long value, long min, long max, String field) {
        if (value < min || value > max) {
            throw new MalformedEventException(field + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    static void ordered(LocalDate from, LocalDate to, String fromField, String toField) {
        if (to.isBefore(from)) {
            throw new MalformedEventException(toField + " " + to + " is before " + fromField + " " + from);
        }
    }

    static void check(boolean condition, String problem) {
        if (!condition) {
            throw new MalformedEventException(problem);
        }
    }
}
