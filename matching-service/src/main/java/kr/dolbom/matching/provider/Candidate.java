package kr.dolbom.matching.provider;

/**
 * A consortium member that offers a service in the resident's zone, with its capacity for that service and its
 * agreed share (a weight) of the consortium's work in it.
 *
 * @param agreedShare the member's weight among the consortium's members for the service; its agreed share of the
 *     work is this weight over the sum of the weights of the members it is compared with
 * @param zoneLead the member leads the resident's zone (권역 주관기관)
 */
public record Candidate(String providerId, int capacity, int activeLines, int agreedShare, boolean zoneLead) {

    public Candidate {
        if (agreedShare < 1) {
            throw new IllegalArgumentException("agreed share of " + providerId + " must be at least 1");
        }
    }

    /** A member that does not lead the zone. */
    public Candidate(String providerId, int capacity, int activeLines, int agreedShare) {
        this(providerId, capacity, activeLines, agreedShare, false);
    }

    /** A member with the default agreed share: one equal part. */
    public Candidate(String providerId, int capacity, int activeLines) {
        this(providerId, capacity, activeLines, 1);
    }

    public boolean hasRoom() {
        return activeLines < capacity;
    }

    /**
     * Compares shares of capacity in use (activeLines / capacity), exactly: by cross-multiplication, so that
     * 2/10 and 4/20 are a tie. Meant for members with room, whose capacity is positive.
     */
    static int compareLoad(Candidate a, Candidate b) {
        return Long.compare((long) a.activeLines * b.capacity, (long) b.activeLines * a.capacity);
    }
}
