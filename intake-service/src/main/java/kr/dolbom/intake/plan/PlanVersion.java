package kr.dolbom.intake.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.dolbom.events.CarePlanApproved;
import org.jspecify.annotations.Nullable;

/**
 * One version of a care plan: a draft until the care manager approves it, then the plan from {@code effectiveFrom}
 * until a later version takes over.
 *
 * @param ended the order's lines this version leaves out, ending the day before it takes effect
 */
public record PlanVersion(
        int number,
        LocalDate effectiveFrom,
        List<PlanLine> lines,
        List<CarePlanApproved.Ended> ended,
        String draftedBy,
        Instant draftedAt,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt) {

    public PlanVersion {
        lines = List.copyOf(lines);
        ended = List.copyOf(ended);
    }

    public boolean approved() {
        return approvedAt != null;
    }

    PlanVersion approvedBy(String by, Instant at) {
        return new PlanVersion(number, effectiveFrom, lines, ended, draftedBy, draftedAt, by, at);
    }
}
