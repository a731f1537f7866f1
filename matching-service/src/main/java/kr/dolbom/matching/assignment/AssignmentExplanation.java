package kr.dolbom.matching.assignment;

import java.time.LocalDate;
import java.util.UUID;
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
 * @param ranking the members offering the service in the resident's zone as the rule ranked them; no member when
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
        Ranking ranking) {

    /** Why the public centre took a line rather than a member. */
    public enum LastResortReason {
        /** The resident's dong belongs to no zone (권역) of the district. */
        DONG_IN_NO_ZONE,
        /** No member offers the service in the zone of the resident's dong. */
        NO_MEMBER_OFFERS_SERVICE_IN_ZONE,
        /** Members offer it there, but none had room (or the last room was taken while the line was matched). */
        NO_MEMBER_WITH_ROOM
    }
}
