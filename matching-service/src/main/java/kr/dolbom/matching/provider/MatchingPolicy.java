package kr.dolbom.matching.provider;

import java.util.Comparator;
import java.util.List;

/**
 * Which consortium member gets a line (연계): among those that offer the service in the resident's zone
 * and have room, the least loaded one, so that the work is shared and no member is run into the ground
 * while another idles. Ties go to the member with fewer lines, then by id, so the choice is repeatable.
 * When nobody has room, the public home-care centre takes the line as provider of last resort.
 */
public final class MatchingPolicy {

    private static final Comparator<Candidate> PREFERENCE = Comparator.comparingDouble(Candidate::load)
            .thenComparingInt(Candidate::activeLines)
            .thenComparing(Candidate::providerId);

    private MatchingPolicy() {}

    /** The candidates with room, best first; matching tries them in this order. */
    public static List<Candidate> rank(List<Candidate> candidates) {
        return candidates.stream().filter(Candidate::hasRoom).sorted(PREFERENCE).toList();
    }
}
