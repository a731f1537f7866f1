package kr.dolbom.matching.provider;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What matching knows of the past when it ranks the members for one line: who served the resident for the service
 * last, and how many lines of the service each member of the district was given in the month.
 *
 * @param month the Korean calendar month of the matching day
 * @param servedBefore the resident's latest earlier line of the service, whichever order it belonged to; null if none
 * @param linesThisMonth lines of the service assigned in the district in {@code month}, by provider id
 */
public record MatchingHistory(
        YearMonth month, @Nullable PreviousLine servedBefore, Map<String, Integer> linesThisMonth) {

    public MatchingHistory {
        linesThisMonth = Map.copyOf(linesThisMonth);
    }

    /** Nothing before: no earlier line of the resident, no line of the service yet this month. */
    public static MatchingHistory none(YearMonth month) {
        return new MatchingHistory(month, null, Map.of());
    }

    public int linesOf(String providerId) {
        return linesThisMonth.getOrDefault(providerId, 0);
    }

    /** A line the resident had before, and who had it. */
    public record PreviousLine(UUID lineId, String providerId, LocalDate assignedOn) {}
}
