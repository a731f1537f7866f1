package kr.dolbom.matching.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import kr.dolbom.matching.provider.MatchingHistory.PreviousLine;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MatchingPolicyTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private static final MatchingHistory NOTHING_BEFORE = MatchingHistory.none(MONTH);

    private static List<String> order(List<Candidate> candidates, MatchingHistory history) {
        return MatchingPolicy.rank(candidates, history).order();
    }

    private static MatchingHistory month(Map<String, Integer> lines) {
        return new MatchingHistory(MONTH, null, lines);
    }

    private static Ranking.Entry entry(Ranking ranking, String providerId) {
        return ranking.candidates().stream()
                .filter(entry -> entry.providerId().equals(providerId))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class ZoneLead {

        @Test
        void amongMembersEqualInShareTheZonesLeadComesFirstThoughItIsBusier() {
            Candidate lead = new Candidate("lead-coop", 10, 6, 1, true);
            Candidate other = new Candidate("other-se", 10, 1, 1, false);

            Ranking ranking = MatchingPolicy.rank(List.of(other, lead), NOTHING_BEFORE);

            assertThat(ranking.order()).containsExactly("lead-coop", "other-se");
            assertThat(entry(ranking, "lead-coop").ahead()).isEqualTo("ahead of other-se: leads the zone");
            assertThat(entry(ranking, "lead-coop").reasons()).contains("leads the zone");
        }

        @Test
        void theLeadIsOnlyATiebreakAfterFairShare() {
            Candidate lead = new Candidate("lead-coop", 10, 0, 1, true);
            Candidate owed = new Candidate("owed-se", 10, 0, 3, false);

            Ranking ranking = MatchingPolicy.rank(List.of(lead, owed), NOTHING_BEFORE);

            assertThat(ranking.order()).containsExactly("owed-se", "lead-coop");
            assertThat(entry(ranking, "owed-se").ahead())
                    .isEqualTo("ahead of lead-coop: further below its agreed share");
        }
    }

    @Nested
    class Load {

        @Test
        void theLeastLoadedMemberComesFirstSoWorkIsShared() {
            Candidate big = new Candidate("big-coop", 40, 20); // half full
            Candidate small = new Candidate("small-se", 10, 2); // a fifth full

            Ranking ranking = MatchingPolicy.rank(List.of(big, small), NOTHING_BEFORE);

            assertThat(ranking.order()).containsExactly("small-se", "big-coop");
            assertThat(entry(ranking, "small-se").ahead()).isEqualTo("ahead of big-coop: less loaded");
            assertThat(entry(ranking, "small-se").reasons()).contains("load 2/10");
            assertThat(entry(ranking, "big-coop").ahead()).isNull();
        }

        @Test
        void aMemberWithoutRoomIsNotOfferedButStaysInTheExplanation() {
            Candidate full = new Candidate("full-coop", 5, 5);
            Candidate free = new Candidate("free-coop", 5, 4);

            Ranking ranking = MatchingPolicy.rank(List.of(full, free), NOTHING_BEFORE);

            assertThat(ranking.order()).containsExactly("free-coop");
            assertThat(ranking.candidates())
                    .extracting(Ranking.Entry::providerId, Ranking.Entry::rank, Ranking.Entry::hasRoom)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("free-coop", 1, true),
                            org.assertj.core.groups.Tuple.tuple("full-coop", null, false));
            assertThat(entry(ranking, "full-coop").reasons()).contains("no room: load 5/5");
            assertThat(entry(ranking, "free-coop").ahead()).isNull();
            assertThat(order(List.of(full), NOTHING_BEFORE)).isEmpty();
            assertThat(order(List.of(new Candidate("closed", 0, 0)), NOTHING_BEFORE))
                    .isEmpty();
            assertThat(MatchingPolicy.rank(List.of(), NOTHING_BEFORE).candidates())
                    .isEmpty();
        }

        @Test
        void equalLoadsAreExactTiesThatGoToTheMemberWithFewerLinesThenById() {
            Candidate b = new Candidate("b-coop", 20, 10); // 1/2
            Candidate a = new Candidate("a-coop", 10, 5); // 1/2
            Candidate c = new Candidate("c-coop", 10, 5); // 1/2
            // 1/3 and 2/6 are equal in exact arithmetic whatever a double would make of them
            Candidate third = new Candidate("z-third", 3, 1);
            Candidate sixth = new Candidate("y-sixths", 6, 2);

            Ranking ranking = MatchingPolicy.rank(List.of(b, c, a), NOTHING_BEFORE);

            assertThat(ranking.order()).containsExactly("a-coop", "c-coop", "b-coop");
            assertThat(entry(ranking, "a-coop").ahead()).isEqualTo("ahead of c-coop: provider id");
            assertThat(entry(ranking, "c-coop").ahead()).isEqualTo("ahead of b-coop: fewer lines in hand");
            assertThat(order(List.of(sixth, third), NOTHING_BEFORE)).containsExactly("z-third", "y-sixths");
        }
    }

    @Nested
    class Continuity {

        private final UUID earlierLine = UUID.randomUUID();

        private MatchingHistory servedBy(String providerId, Map<String, Integer> lines) {
            return new MatchingHistory(
                    MONTH, new PreviousLine(earlierLine, providerId, LocalDate.of(2026, 11, 2)), lines);
        }

        @Test
        void theMemberThatServedTheResidentBeforeComesFirstOverLoadAndFairShare() {
            Candidate before = new Candidate("carers-before", 10, 8); // busier
            Candidate quiet = new Candidate("quiet-coop", 10, 0);
            // and "carers-before" had all of the month's lines, "quiet-coop" none
            MatchingHistory history = servedBy("carers-before", Map.of("carers-before", 4));

            Ranking ranking = MatchingPolicy.rank(List.of(quiet, before), history);

            assertThat(ranking.order()).containsExactly("carers-before", "quiet-coop");
            Ranking.Entry first = entry(ranking, "carers-before");
            assertThat(first.servedBefore()).isTrue();
            assertThat(first.ahead()).isEqualTo("ahead of quiet-coop: served this resident before");
            assertThat(first.reasons())
                    .first()
                    .isEqualTo("served this resident before (line " + earlierLine + ", assigned 2026-11-02)");
            assertThat(entry(ranking, "quiet-coop").servedBefore()).isFalse();
            assertThat(ranking.servedBefore()).isNotNull();
        }

        @Test
        void aMemberThatServedBeforeButHasNoRoomIsPassedOverForTheNextByTheUsualRule() {
            Candidate before = new Candidate("carers-before", 5, 5);
            Candidate busy = new Candidate("busy-coop", 10, 6);
            Candidate quiet = new Candidate("quiet-coop", 10, 1);

            Ranking ranking = MatchingPolicy.rank(List.of(before, busy, quiet), servedBy("carers-before", Map.of()));

            assertThat(ranking.order()).containsExactly("quiet-coop", "busy-coop");
            assertThat(entry(ranking, "carers-before").servedBefore()).isTrue();
            assertThat(entry(ranking, "carers-before").rank()).isNull();
        }

        @Test
        void aResidentLastServedBySomeoneWhoIsNoCandidateGetsNoPreference() {
            Candidate busy = new Candidate("busy-coop", 10, 6);
            Candidate quiet = new Candidate("quiet-coop", 10, 1);

            Ranking ranking = MatchingPolicy.rank(List.of(busy, quiet), servedBy("public-centre", Map.of()));

            assertThat(ranking.order()).containsExactly("quiet-coop", "busy-coop");
            assertThat(ranking.candidates()).noneMatch(Ranking.Entry::servedBefore);
            assertThat(ranking.servedBefore().providerId()).isEqualTo("public-centre");
        }
    }

    /**
     * The month's shortfall: with n of the month's N lines (among the candidates) and an agreed weight w of the
     * candidates' W, the member with the largest w/W − n/N comes first; while N is 0, the largest w/W.
     */
    @Nested
    class FairShare {

        @Test
        void aMemberBelowItsAgreedShareBeatsOneAboveItEvenIfMoreLoaded() {
            Candidate ahead = new Candidate("ahead-coop", 10, 1); // 3 of 4 lines against 1/2, little load
            Candidate behind = new Candidate("behind-coop", 10, 5); // 1 of 4 against 1/2, half loaded

            Ranking ranking =
                    MatchingPolicy.rank(List.of(ahead, behind), month(Map.of("ahead-coop", 3, "behind-coop", 1)));

            assertThat(ranking.order()).containsExactly("behind-coop", "ahead-coop");
            assertThat(ranking.linesThisMonth()).isEqualTo(4);
            assertThat(ranking.agreedWeights()).isEqualTo(2);
            Ranking.Entry first = entry(ranking, "behind-coop");
            assertThat(first.ahead()).isEqualTo("ahead of ahead-coop: further below its agreed share");
            assertThat(first.reasons())
                    .containsExactly(
                            "1 of the 4 lines of 2026-11 against an agreed share of 1/2 (below it)", "load 5/10");
            assertThat(entry(ranking, "ahead-coop").reasons())
                    .contains("3 of the 4 lines of 2026-11 against an agreed share of 1/2 (above it)");
        }

        @Test
        void weightsOtherThanOneSetTheAgreedShares() {
            Candidate big = new Candidate("big-coop", 50, 10, 2); // agreed 2/3
            Candidate small = new Candidate("small-se", 50, 0, 1); // agreed 1/3

            // 3 of 6 for big is below 2/3, though big already has more lines and more load
            assertThat(order(List.of(big, small), month(Map.of("big-coop", 3, "small-se", 3))))
                    .containsExactly("big-coop", "small-se");
            // 5 of 6 is above 2/3: small's turn
            assertThat(order(List.of(big, small), month(Map.of("big-coop", 5, "small-se", 1))))
                    .containsExactly("small-se", "big-coop");
            // 4 of 6 is exactly 2/3 and 2 of 6 exactly 1/3: an exact tie, which load decides
            Ranking atShare = MatchingPolicy.rank(List.of(big, small), month(Map.of("big-coop", 4, "small-se", 2)));
            assertThat(atShare.order()).containsExactly("small-se", "big-coop");
            assertThat(entry(atShare, "small-se").ahead()).isEqualTo("ahead of big-coop: less loaded");
            assertThat(entry(atShare, "big-coop").reasons())
                    .contains("4 of the 6 lines of 2026-11 against an agreed share of 2/3 (at it)");
        }

        @Test
        void beforeTheMonthsFirstLineTheLargestAgreedShareComesFirst() {
            Candidate one = new Candidate("a-one", 10, 0, 1);
            Candidate three = new Candidate("b-three", 10, 0, 3);

            Ranking ranking = MatchingPolicy.rank(List.of(one, three), NOTHING_BEFORE);

            assertThat(ranking.order()).containsExactly("b-three", "a-one");
            assertThat(entry(ranking, "b-three").reasons())
                    .contains(
                            "0 of the 0 lines of 2026-11 against an agreed share of 3/4 (no line given yet this month)");
        }

        @Test
        void onlyTheCandidatesLinesCountAndAFullMembersWeightAndLinesStillDo() {
            Candidate a = new Candidate("a-coop", 10, 0);
            Candidate b = new Candidate("b-coop", 10, 0);
            Candidate full = new Candidate("c-full", 2, 2);
            // the public centre's and another zone's lines are no candidate's
            MatchingHistory history =
                    month(Map.of("a-coop", 2, "b-coop", 1, "c-full", 0, "public-centre", 100, "other-zone", 7));

            Ranking ranking = MatchingPolicy.rank(List.of(a, b, full), history);

            assertThat(ranking.order()).containsExactly("b-coop", "a-coop");
            assertThat(ranking.linesThisMonth()).isEqualTo(3);
            assertThat(ranking.agreedWeights()).isEqualTo(3);
            assertThat(entry(ranking, "b-coop").reasons())
                    .contains("1 of the 3 lines of 2026-11 against an agreed share of 1/3 (at it)");
            assertThat(entry(ranking, "c-full").reasons())
                    .contains("0 of the 3 lines of 2026-11 against an agreed share of 1/3 (below it)");
        }

        @Test
        void overAMonthEveryMemberStaysWithinOneLineOfItsAgreedShare() {
            List<Candidate> members = List.of(
                    new Candidate("a-five", 1000, 0, 5),
                    new Candidate("b-three", 1000, 0, 3),
                    new Candidate("c-two", 1000, 0, 2));
            Map<String, Integer> given = new HashMap<>();

            IntStream.range(0, 60).forEach(line -> {
                String first = order(members, month(given)).get(0);
                given.merge(first, 1, Integer::sum);
                int lines = line + 1;
                for (Candidate member : members) {
                    // |n − N·w/W| < 1, i.e. |n·W − N·w| < W
                    long off = (long) given.getOrDefault(member.providerId(), 0) * 10
                            - (long) lines * member.agreedShare();
                    assertThat(Math.abs(off))
                            .as("%s after %d lines", member.providerId(), lines)
                            .isLessThan(10);
                }
            });

            assertThat(given).containsExactlyInAnyOrderEntriesOf(Map.of("a-five", 30, "b-three", 18, "c-two", 12));
        }
    }

    @Test
    void aNoteOnSomeMembersLeavesTheOthersAsTheyWere() {
        Ranking ranking = MatchingPolicy.rank(
                List.of(new Candidate("a-coop", 10, 0), new Candidate("b-coop", 10, 1)), NOTHING_BEFORE);

        Ranking noted = ranking.noting(List.of("a-coop"), "filled up");

        assertThat(entry(noted, "a-coop").reasons()).last().isEqualTo("filled up");
        assertThat(entry(noted, "b-coop").reasons())
                .isEqualTo(entry(ranking, "b-coop").reasons());
        assertThat(noted.order()).isEqualTo(ranking.order());
    }
}
