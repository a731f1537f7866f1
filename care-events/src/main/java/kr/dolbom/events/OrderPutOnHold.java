package kr.dolbom.events;

import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The order's services pause from {@code from} on (the day of a hospital admission, say): matching gives the
 * providers' capacity back and refuses deliveries dated in the hold, billing refuses to charge them.
 *
 * @param resumeOn the day services are expected back, when known; the order resumes only by {@link OrderResumed}
 */
public record OrderPutOnHold(
        UUID careOrderId,
        String district,
        HoldReason reason,
        LocalDate from,
        @Nullable LocalDate resumeOn) implements CareEvent {

    public OrderPutOnHold {
        present(careOrderId, "careOrderId");
        present(district, "district");
        present(reason, "reason");
        present(from, "from");
        if (resumeOn != null) {
            Invariants.ordered(from, resumeOn, "from", "resumeOn");
        }
    }

    @Override
    public LocalDate businessDate() {
        return from;
    }
}
