package kr.dolbom.matching.provider;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * 책임기업 인수: who takes over a running line its provider can no longer serve (handed back, suspended). The zone's
 * lead member covers for the consortium (seed 000: 권역별 책임기업), within its capacity and never the leaving
 * provider itself; when it cannot, the public centre takes the line as provider of last resort. No offer round:
 * the resident's visits are already under way, and the lead's cover is what the consortium agreed to.
 */
public final class Takeover {

    private Takeover() {}

    /** The zone's lead with room, the least loaded of them if the zone has several; empty: the public centre. */
    public static Optional<String> successor(List<Candidate> candidates, String leaving) {
        return candidates.stream()
                .filter(Candidate::zoneLead)
                .filter(Candidate::hasRoom)
                .filter(candidate -> !candidate.providerId().equals(leaving))
                .min(Comparator.comparing((Candidate candidate) -> candidate, Candidate::compareLoad)
                        .thenComparing(Candidate::providerId))
                .map(Candidate::providerId);
    }
}
