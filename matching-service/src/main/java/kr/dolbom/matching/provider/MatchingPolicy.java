package kr.dolbom.matching.provider;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kr.dolbom.matching.provider.MatchingHistory.PreviousLine;
import org.jspecify.annotations.Nullable;

/**
 * Which consortium member gets a line (연계), among those that offer the service in the resident's zone and have
 * room, in this order:
 *
 * <ol>
 *   <li><b>continuity</b> (서비스 연속성): the member that had the resident's latest earlier line of the service
 *       (any order) comes first, so that the resident keeps the carers who know them;
 *   <li><b>fair share</b> (공정 배분): then the member furthest below its agreed share of the month's work: with
 *       {@code n} of the month's {@code N} lines of the service (in the district, among these members) and an
 *       agreed weight {@code w} of the members' {@code W}, the shortfall is {@code w/W − n/N} (just {@code w/W}
 *       while {@code N} is 0), compared exactly as {@code w·N − n·W};
 *   <li><b>zone lead</b> (권역 주관기관): then the member that leads the resident's zone;
 *   <li><b>load</b>: then the least loaded (lines in hand over capacity, compared by cross-multiplication);
 *   <li>then the member with fewer lines in hand, then by id, so that the choice is repeatable.
 * </ol>
 *
 * When nobody has room, the public home-care centre takes the line as provider of last resort; that is not this
 * policy's to rank.
 */
public final class MatchingPolicy {

    /** The rule in one sentence, as stored with each explanation. */
    public static final String RULE = "members with room only; first the one that served this resident for this"
            + " service before, then the one furthest below its agreed share of the month's lines of the service"
            + " (agreed weight / sum of the members' weights, against lines given / lines given to the members this"
            + " month), then the zone's lead member, then the least loaded (lines in hand / capacity), then fewer lines"
            + " in hand, then provider id";

    private record Criterion(String ahead, Comparator<Candidate> order) {}

    private MatchingPolicy() {}

    /** Ranks the candidates for one line given what matching knows of the past; explains each place. */
    public static Ranking rank(List<Candidate> candidates, MatchingHistory history) {
        long lines = candidates.stream()
                .mapToLong(candidate -> history.linesOf(candidate.providerId()))
                .sum();
        long weights = candidates.stream().mapToLong(Candidate::agreedShare).sum();
        PreviousLine before = history.servedBefore();
        @Nullable String previous = before == null ? null : before.providerId();
        List<Criterion> criteria = List.of(
                new Criterion(
                        "served this resident before",
                        Comparator.comparing(
                                candidate -> !candidate.providerId().equals(previous))),
                new Criterion(
                        "further below its agreed share",
                        Comparator.comparingLong((Candidate candidate) -> shortfall(candidate, history, lines, weights))
                                .reversed()),
                new Criterion("leads the zone", Comparator.comparing((Candidate candidate) -> !candidate.zoneLead())),
                new Criterion("less loaded", Candidate::compareLoad),
                new Criterion("fewer lines in hand", Comparator.comparingInt(Candidate::activeLines)),
                new Criterion("provider id", Comparator.comparing(Candidate::providerId)));
        Comparator<Candidate> preference = criteria.get(0).order();
        for (Criterion criterion : criteria.subList(1, criteria.size())) {
            preference = preference.thenComparing(criterion.order());
        }
        List<Candidate> withRoom = candidates.stream()
                .filter(Candidate::hasRoom)
                .sorted(preference)
                .toList();
        List<Candidate> withoutRoom = candidates.stream()
                .filter(candidate -> !candidate.hasRoom())
                .sorted(Comparator.comparing(Candidate::providerId))
                .toList();

        List<Ranking.Entry> entries = new ArrayList<>();
        for (int i = 0; i < withRoom.size(); i++) {
            Candidate candidate = withRoom.get(i);
            String ahead = i + 1 < withRoom.size() ? ahead(candidate, withRoom.get(i + 1), criteria) : null;
            entries.add(entry(candidate, i + 1, ahead, before, history, lines, weights));
        }
        for (Candidate candidate : withoutRoom) {
            entries.add(entry(candidate, null, null, before, history, lines, weights));
        }
        return new Ranking(history.month(), Math.toIntExact(lines), Math.toIntExact(weights), before, entries);
    }

    /**
     * The shortfall {@code w/W − n/N} scaled by {@code W·N} (by {@code W} while no line was given this month):
     * positive below the agreed share, negative above it. The scale is the same for every member of one ranking.
     */
    private static long shortfall(Candidate candidate, MatchingHistory history, long lines, long weights) {
        if (lines == 0) {
            return candidate.agreedShare();
        }
        return candidate.agreedShare() * lines - history.linesOf(candidate.providerId()) * weights;
    }

    /** The first criterion that puts {@code candidate} before {@code next}. */
    private static String ahead(Candidate candidate, Candidate next, List<Criterion> criteria) {
        for (Criterion criterion : criteria) {
            if (criterion.order().compare(candidate, next) < 0) {
                return "ahead of " + next.providerId() + ": " + criterion.ahead();
            }
        }
        return "tied with " + next.providerId();
    }

    private static Ranking.Entry entry(
            Candidate candidate,
            @Nullable Integer rank,
            @Nullable String ahead,
            @Nullable PreviousLine before,
            MatchingHistory history,
            long lines,
            long weights) {
        boolean servedBefore = before != null && before.providerId().equals(candidate.providerId());
        int given = history.linesOf(candidate.providerId());
        List<String> reasons = new ArrayList<>();
        if (before != null && servedBefore) {
            reasons.add(
                    "served this resident before (line " + before.lineId() + ", assigned " + before.assignedOn() + ")");
        }
        reasons.add(share(candidate, given, history, lines, weights));
        if (candidate.zoneLead()) {
            reasons.add("leads the zone");
        }
        String load = "load " + candidate.activeLines() + "/" + candidate.capacity();
        reasons.add(candidate.hasRoom() ? load : "no room: " + load);
        return new Ranking.Entry(
                candidate.providerId(),
                rank,
                candidate.hasRoom(),
                candidate.capacity(),
                candidate.activeLines(),
                candidate.agreedShare(),
                given,
                servedBefore,
                ahead,
                reasons);
    }

    /** "3 of the 10 lines of 2026-11 against an agreed share of 1/3 (below it)". */
    private static String share(Candidate candidate, int given, MatchingHistory history, long lines, long weights) {
        String standing;
        if (lines == 0) {
            standing = "no line given yet this month";
        } else {
            int against = Long.compare(given * weights, candidate.agreedShare() * lines);
            standing = against < 0 ? "below it" : against > 0 ? "above it" : "at it";
        }
        return given + " of the " + lines + " lines of " + history.month() + " against an agreed share of "
                + fraction(candidate.agreedShare(), weights) + " (" + standing + ")";
    }

    private static String fraction(long numerator, long denominator) {
        long gcd = BigInteger.valueOf(numerator)
                .gcd(BigInteger.valueOf(denominator))
                .longValueExact();
        return gcd == 0 ? numerator + "/" + denominator : numerator / gcd + "/" + denominator / gcd;
    }
}
