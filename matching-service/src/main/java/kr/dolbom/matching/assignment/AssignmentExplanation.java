package kr.dolbom.matching.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.provider.Ranking;
import org.jspecify.annotations.Nullable;

/**
 * Why a line went where it went (연계 근거), kept with the line when it was matched: the ranking matching used and,
 * when the public centre took the line as provider of last resort, why no member could. For the window and care
 * managers only: it shows every candidate's load.
 *
 * @param rule the ranking rule, in words
 * @param summary who got the line and the deciding reason, in one sentence
 * @param ranking the members offering the service in the resident's zone as the rule ranked them (less those asked
 *     before in this line's offers); no member when
 *     the dong is in no zone or none offers the service there
 */
public record AssignmentExplanation(
        UUID lineId,
        ServiceType serviceType,
        String district,
        String dong,
        LocalDate decidedOn,
        String providerId,
        boolean lastResort,
        @Nullable LastResortReason lastResortReason,
        String summary,
        String rule,
        Ranking ranking,
        List<OfferStep> offers) {

    public AssignmentExplanation {
        // explanations kept before offers were made have none
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    /**
     * One offer of the line (연계 제안) and its answer, in the order they were made.
     *
     * @param status OPEN while the member may still answer; ACCEPTED, DECLINED, EXPIRED (no answer in time) or
     *     WITHDRAWN (the order was held or ended, or the window dispatched the line by hand)
     */
    public record OfferStep(
            int round,
            UUID offerId,
            String providerId,
            String status,
            @Nullable String reason,
            @Nullable String note,
            Instant offeredAt,
            Instant answerBy,
            @Nullable Instant answeredAt) {

        static OfferStep of(Offer offer) {
            return new OfferStep(
                    offer.round(),
                    offer.offerId(),
                    offer.providerId(),
                    offer.status().name(),
                    offer.reason(),
                    offer.note(),
                    offer.offeredAt(),
                    offer.answerBy(),
                    offer.answeredAt());
        }
    }

    /** The same decision with the offers made so far. */
    AssignmentExplanation withOffers(List<OfferStep> steps) {
        return new AssignmentExplanation(
                lineId,
                serviceType,
                district,
                dong,
                decidedOn,
                providerId,
                lastResort,
                lastResortReason,
                summary,
                rule,
                ranking,
                steps);
    }

    /** How an offer's summary names its member, until the member accepts. */
    static final String OFFERED = " is offered the line";

    private static final String ACCEPTED = " accepted the line";

    /** The offer's decision, once its member said yes: the same reasons, told as done. */
    AssignmentExplanation accepted(LocalDate on) {
        return decided(
                on, providerId, summary.replaceFirst(Pattern.quote(providerId + OFFERED), providerId + ACCEPTED));
    }

    /** The same ranking, decided anew: who has the line now and why. */
    AssignmentExplanation decided(LocalDate on, String provider, String why) {
        return decided(on, provider, lastResort, why);
    }

    /** As above, for a line that may have gone to (or away from) the public centre. */
    AssignmentExplanation decided(LocalDate on, String provider, boolean toLastResort, String why) {
        return new AssignmentExplanation(
                lineId,
                serviceType,
                district,
                dong,
                on,
                provider,
                toLastResort,
                toLastResort ? lastResortReason : null,
                why,
                rule,
                ranking,
                offers);
    }

    /** Why the public centre took a line rather than a member. */
    public enum LastResortReason {
        /** The resident's dong belongs to no zone (권역) of the district. */
        DONG_IN_NO_ZONE,
        /** No member offers the service in the zone of the resident's dong. */
        NO_MEMBER_OFFERS_SERVICE_IN_ZONE,
        /** Members offer it there, but none had room (or the last room was taken while the line was matched). */
        NO_MEMBER_WITH_ROOM,
        /** Every member with room was offered the line and declined it, or let the deadline pass. */
        ALL_MEMBERS_DECLINED
    }
}
