package kr.dolbom.billing.budget;

import java.time.Instant;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/** A threshold of a budget version that was reached (and announced), by which charge and when. */
public record ReachedThreshold(
        ServiceType serviceType,
        int version,
        int threshold,
        long spent,
        @Nullable UUID chargeId,
        Instant reachedAt) {}
