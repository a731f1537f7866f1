package kr.dolbom.matching.assignment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a member has to answer an offer (the seeds name no deadline): an urgent line (긴급돌봄, Care SOS) two hours,
 * so that a member's silence costs the resident at most an afternoon; an ordinary one a day, a working day's turn
 * for a member's coordinator. The sweep runs every 30 seconds, so a decline by silence lands within that of the
 * deadline.
 */
@ConfigurationProperties("dolbom.matching.offers")
public record OfferProperties(
        @DefaultValue("PT2H") Duration urgentAnswerWithin,
        @DefaultValue("PT24H") Duration answerWithin,
        @DefaultValue("PT30S") Duration sweepInterval) {

    public OfferProperties {
        if (urgentAnswerWithin.isNegative() || urgentAnswerWithin.isZero()) {
            throw new IllegalArgumentException("dolbom.matching.offers.urgent-answer-within must be positive");
        }
        if (answerWithin.isNegative() || answerWithin.isZero()) {
            throw new IllegalArgumentException("dolbom.matching.offers.answer-within must be positive");
        }
    }

    Duration answerWithin(boolean urgent) {
        return urgent ? urgentAnswerWithin : answerWithin;
    }
}
