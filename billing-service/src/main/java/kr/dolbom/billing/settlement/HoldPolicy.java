package kr.dolbom.billing.settlement;

import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import kr.dolbom.platform.domain.RuleViolation;

/**
 * 보류 건 승인 제한: a provider's month is not approved while the provider has an open hold (a delivery held for the
 * window, neither released nor rejected) in the same district dated in that month or earlier. Approval closes the
 * month for good; a hold of it or of an earlier month may still turn out to be owed, and the officer approves a month
 * once everything delivered up to its end has been decided. Holds dated after the month do not concern it.
 *
 * <p>The refusal is a conflict (409) with {@code openHolds}: how many holds stand in the way and the deliveries of the
 * first {@value #LISTED} of them, oldest first. Submission is not held up: the provider confirms what is charged, and a
 * hold released after its month was submitted is charged as a late charge, an adjustment of a later draft.
 */
public final class HoldPolicy {

    /** The most deliveries a refusal names; its count is always the whole. */
    public static final int LISTED = 100;

    private HoldPolicy() {}

    /** What a refusal tells the officer: the holds in the way, counted, and their deliveries, oldest first. */
    public record OpenHolds(int count, List<UUID> deliveryIds) {

        public OpenHolds {
            deliveryIds = List.copyOf(deliveryIds);
        }
    }

    /**
     * The holds of {@code open} that keep the settlement's month from approval: of its district and provider, dated
     * in its month or before, by day and delivery.
     */
    public static List<HeldDelivery> blocking(Settlement settlement, Collection<HeldDelivery> open) {
        return open.stream()
                .filter(hold -> hold.district().equals(settlement.district())
                        && hold.providerId().equals(settlement.providerId())
                        && !hold.serviceMonth().isAfter(settlement.month()))
                .sorted(Comparator.comparing(HeldDelivery::serviceDate).thenComparing(HeldDelivery::deliveryId))
                .toList();
    }

    /**
     * @param open the provider's open holds (any more are left aside)
     * @throws RuleViolation a conflict naming {@code openHolds} when any of them is dated in the month or before
     */
    public static void requireNoneBlocking(Settlement settlement, Collection<HeldDelivery> open) {
        List<HeldDelivery> blocking = blocking(settlement, open);
        if (blocking.isEmpty()) {
            return;
        }
        YearMonth month = settlement.month();
        List<UUID> listed =
                blocking.stream().limit(LISTED).map(HeldDelivery::deliveryId).toList();
        throw RuleViolation.conflict("the settlement of " + settlement.providerId() + " for " + month
                        + " cannot be approved: " + blocking.size() + " held deliver"
                        + (blocking.size() == 1 ? "y" : "ies") + " of " + month + " or earlier, from "
                        + blocking.get(0).serviceDate() + ", "
                        + (blocking.size() == 1 ? "is" : "are") + " neither released nor rejected yet")
                .with("openHolds", new OpenHolds(blocking.size(), listed));
    }
}
