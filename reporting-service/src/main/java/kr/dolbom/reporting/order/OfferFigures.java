package kr.dolbom.reporting.order;

import java.time.Duration;
import java.time.YearMonth;
import kr.dolbom.events.LineOffered;
import kr.dolbom.events.OfferAccepted;
import kr.dolbom.events.OfferDeclined;
import kr.dolbom.reporting.ReportingMonth;

/** What one offer (연계 제안) or its answer adds to its district's month. */
public record OfferFigures(
        String district,
        YearMonth month,
        long offered,
        long accepted,
        long declined,
        long expired,
        long withdrawn,
        long secondsToAccept) {

    public static OfferFigures of(LineOffered offered) {
        return new OfferFigures(offered.district(), ReportingMonth.of(offered), 1, 0, 0, 0, 0, 0);
    }

    public static OfferFigures of(OfferAccepted accepted) {
        long waited = Math.max(
                0, Duration.between(accepted.offeredAt(), accepted.acceptedAt()).toSeconds());
        return new OfferFigures(accepted.district(), ReportingMonth.of(accepted), 0, 1, 0, 0, 0, waited);
    }

    /** A member's no, silence past the deadline, or a withdrawal: each counted apart. */
    public static OfferFigures of(OfferDeclined declined) {
        YearMonth month = ReportingMonth.of(declined);
        return switch (declined.reason()) {
            case EXPIRED -> new OfferFigures(declined.district(), month, 0, 0, 0, 1, 0, 0);
            case WITHDRAWN -> new OfferFigures(declined.district(), month, 0, 0, 0, 0, 1, 0);
            default -> new OfferFigures(declined.district(), month, 0, 0, 1, 0, 0, 0);
        };
    }

    /** Two figures of the same district's month, together. */
    public OfferFigures plus(OfferFigures other) {
        if (!district.equals(other.district) || !month.equals(other.month)) {
            throw new IllegalArgumentException("figures of " + district + " " + month + " and " + other.district + " "
                    + other.month + " are not one month");
        }
        return new OfferFigures(
                district,
                month,
                Math.addExact(offered, other.offered),
                Math.addExact(accepted, other.accepted),
                Math.addExact(declined, other.declined),
                Math.addExact(expired, other.expired),
                Math.addExact(withdrawn, other.withdrawn),
                Math.addExact(secondsToAccept, other.secondsToAccept));
    }
}
