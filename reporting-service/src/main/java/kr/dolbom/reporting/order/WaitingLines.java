package kr.dolbom.reporting.order;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import kr.dolbom.events.ServiceType;

/**
 * Lines of one urgency, service and dong that no provider has been assigned yet (연계 대기): how many, and since
 * when the oldest of them waits. Counts only: who is waiting is intake's to know, not reporting's.
 */
public record WaitingLines(
        boolean urgent, ServiceType serviceType, String dong, long lines, LocalDate oldestRequestedOn) {

    /** Whole days since the oldest request, as of {@code today}; a request dated later counts as waiting none. */
    public long longestWaitDays(LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(oldestRequestedOn, today));
    }
}
