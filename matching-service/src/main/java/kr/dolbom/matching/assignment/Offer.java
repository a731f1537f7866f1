package kr.dolbom.matching.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.events.LineOffered;
import kr.dolbom.events.OfferAccepted;
import kr.dolbom.events.OfferDeclined;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;

/**
 * 연계 제안: one line offered to one member, open until the member answers or the deadline passes. Only an open offer
 * can be answered, and only before its deadline; after it, the deadline sweep declines it as {@link
 * DeclineReason#EXPIRED} whatever the member says.
 */
public record Offer(
        UUID offerId,
        UUID lineId,
        UUID careOrderId,
        String providerId,
        ServiceType serviceType,
        String district,
        String dong,
        boolean urgent,
        int round,
        Instant offeredAt,
        Instant answerBy,
        Status status,
        @Nullable Instant answeredAt,
        @Nullable String reason,
        @Nullable String note) {

    public enum Status {
        OPEN,
        ACCEPTED,
        DECLINED,
        EXPIRED,
        WITHDRAWN
    }

    /** Whose the offer is: the resident's district and dong, and the member it was made to. */
    public Holder holder() {
        return Holder.district(district).dong(dong).heldBy(providerId);
    }

    /** The member's yes, refused for an offer answered already or past its deadline. */
    Offer accepted(Instant now) {
        answerable(now);
        return answered(Status.ACCEPTED, now, null, null);
    }

    /** The member's no, with a reason of its own; refused as {@link #accepted} is. */
    Offer declined(DeclineReason why, @Nullable String words, Instant now) {
        if (!why.givenByProvider()) {
            throw RuleViolation.invalid("reason", why + " is not a reason a provider gives");
        }
        answerable(now);
        return answered(Status.DECLINED, now, why, words);
    }

    /** No answer by the deadline: a decline. */
    Offer expired(Instant now) {
        if (status != Status.OPEN || now.isBefore(answerBy)) {
            throw new IllegalStateException("offer " + offerId + " is " + status + " until " + answerBy);
        }
        return answered(Status.EXPIRED, now, DeclineReason.EXPIRED, "no answer by " + answerBy);
    }

    /** The order was held or ended, or the window dispatched the line by hand. */
    Offer withdrawn(String why, Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalStateException("offer " + offerId + " is " + status);
        }
        return answered(Status.WITHDRAWN, now, DeclineReason.WITHDRAWN, why);
    }

    private void answerable(Instant now) {
        if (status != Status.OPEN) {
            throw RuleViolation.conflict("offer " + offerId + " is " + status + " already")
                    .with("offerStatus", status.name());
        }
        if (!now.isBefore(answerBy)) {
            throw RuleViolation.conflict("offer " + offerId + " expired at " + answerBy + " unanswered")
                    .with("offerStatus", "EXPIRED")
                    .with("answerBy", answerBy.toString());
        }
    }

    private Offer answered(Status to, Instant now, @Nullable DeclineReason why, @Nullable String words) {
        return new Offer(
                offerId,
                lineId,
                careOrderId,
                providerId,
                serviceType,
                district,
                dong,
                urgent,
                round,
                offeredAt,
                answerBy,
                to,
                now,
                why == null ? null : why.name(),
                words);
    }

    LineOffered announcement(LocalDate today) {
        return new LineOffered(
                careOrderId,
                lineId,
                offerId,
                serviceType,
                providerId,
                district,
                dong,
                urgent,
                round,
                offeredAt,
                answerBy,
                today);
    }

    OfferAccepted acceptance(LocalDate today) {
        return new OfferAccepted(
                careOrderId,
                lineId,
                offerId,
                serviceType,
                providerId,
                district,
                urgent,
                offeredAt,
                answeredAtOrFail(),
                today);
    }

    OfferDeclined decline(LocalDate today) {
        return new OfferDeclined(
                careOrderId,
                lineId,
                offerId,
                serviceType,
                providerId,
                district,
                urgent,
                DeclineReason.valueOf(reasonOrFail()),
                note,
                offeredAt,
                answeredAtOrFail(),
                today);
    }

    private Instant answeredAtOrFail() {
        if (answeredAt == null) {
            throw new IllegalStateException("offer " + offerId + " is not answered");
        }
        return answeredAt;
    }

    private String reasonOrFail() {
        if (reason == null) {
            throw new IllegalStateException("offer " + offerId + " has no reason");
        }
        return reason;
    }
}
