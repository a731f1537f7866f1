package kr.dolbom.matching.provider;

/** A provider that offers a service in the resident's zone, with its capacity for that service. */
public record Candidate(String providerId, int capacity, int activeLines) {

    public boolean hasRoom() {
        return activeLines < capacity;
    }

    /** Share of the capacity in use; comparing shares spreads work across members of different sizes. */
    double load() {
        return capacity == 0 ? 1.0 : (double) activeLines / capacity;
    }
}
