package kr.dolbom.matching.provider;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import kr.dolbom.matching.provider.MatchingHistory.PreviousLine;
import org.jspecify.annotations.Nullable;

/**
 * How the members offering a service in the resident's zone were ranked for one line, and why: the members with
 * room best first ({@code rank} 1, 2, …), then those without room (no rank), each with the facts the rule weighed.
 *
 * @param month the calendar month whose lines the fair share counts
 * @param linesThisMonth the lines of the service these members were given in the district in {@code month}
 * @param agreedWeights the sum of these members' agreed shares: a member's agreed share is its weight over this
 * @param servedBefore the resident's latest earlier line of the service, whoever had it; null if none
 */
public record Ranking(
        YearMonth month,
        int linesThisMonth,
        int agreedWeights,
        @Nullable PreviousLine servedBefore,
        List<Entry> candidates) {

    public Ranking {
        candidates = List.copyOf(candidates);
    }

    /**
     * One member as the rule saw it.
     *
     * @param rank its place among the members with room, from 1; null without room
     * @param linesThisMonth the lines of the service it was given in the district in the month
     * @param servedBefore it had the resident's latest earlier line of the service
     * @param ahead why it ranks before the next member with room (the first criterion that separates them); null for
     *     the last one and for a member without room
     * @param reasons the facts: continuity, its share of the month's lines against its agreed share, its load
     */
    public record Entry(
            String providerId,
            @Nullable Integer rank,
            boolean hasRoom,
            int capacity,
            int activeLines,
            int agreedShare,
            int linesThisMonth,
            boolean servedBefore,
            @Nullable String ahead,
            List<String> reasons) {

        public Entry {
            reasons = List.copyOf(reasons);
        }

        Entry because(String reason) {
            List<String> more = new ArrayList<>(reasons);
            more.add(reason);
            return new Entry(
                    providerId,
                    rank,
                    hasRoom,
                    capacity,
                    activeLines,
                    agreedShare,
                    linesThisMonth,
                    servedBefore,
                    ahead,
                    more);
        }
    }

    /** The ids of the members with room, best first: matching offers the line in this order. */
    public List<String> order() {
        return candidates.stream().filter(Entry::hasRoom).map(Entry::providerId).toList();
    }

    /** The same ranking with one more reason on each of the named members (one that filled up meanwhile). */
    public Ranking noting(Collection<String> providerIds, String reason) {
        return new Ranking(
                month,
                linesThisMonth,
                agreedWeights,
                servedBefore,
                candidates.stream()
                        .map(entry -> providerIds.contains(entry.providerId()) ? entry.because(reason) : entry)
                        .toList());
    }
}
