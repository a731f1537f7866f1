package kr.dolbom.events;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether an order takes deliveries on a day, as its {@link OrderPutOnHold}, {@link OrderResumed},
 * {@link OrderCancelled} and {@link OrderCompleted} say: not inside one of its holds, not on or after its end.
 * Matching refuses such a report, billing such a charge; the rule is written once, here.
 *
 * @param holds  the holds as [from, resumedOn) ranges; an open hold has no resumedOn
 * @param endsOn the first day without the order (cancelled or completed), if it has ended
 */
public record OrderPause(
        List<Hold> holds,
        @Nullable LocalDate endsOn,
        @Nullable String endReason) {

    public record Hold(LocalDate from, @Nullable LocalDate resumedOn) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (resumedOn == null || day.isBefore(resumedOn));
        }
    }

    public OrderPause {
        holds = List.copyOf(holds);
    }

    public static final OrderPause NONE = new OrderPause(List.of(), null, null);

    /** Why a delivery on {@code day} is not the order's, or null when it is. */
    public @Nullable String refusal(LocalDate day) {
        if (endsOn != null && !day.isBefore(endsOn)) {
            return "the order ended (" + endReason + ") from " + endsOn;
        }
        return holds.stream()
                .filter(hold -> hold.covers(day))
                .findFirst()
                .map(hold -> "the order is on hold from " + hold.from()
                        + (hold.resumedOn() == null ? "" : " until " + hold.resumedOn()))
                .orElse(null);
    }
}
