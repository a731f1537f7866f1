package kr.dolbom.matching.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingPolicyTest {

    @Test
    void theLeastLoadedMemberComesFirstSoWorkIsShared() {
        Candidate big = new Candidate("big-coop", 40, 20); // half full
        Candidate small = new Candidate("small-se", 10, 2); // a fifth full

        assertThat(MatchingPolicy.rank(List.of(big, small)))
                .extracting(Candidate::providerId)
                .containsExactly("small-se", "big-coop");
    }

    @Test
    void aMemberWithoutRoomIsNotOffered() {
        Candidate full = new Candidate("full-coop", 5, 5);
        Candidate free = new Candidate("free-coop", 5, 4);

        assertThat(MatchingPolicy.rank(List.of(full, free)))
                .extracting(Candidate::providerId)
                .containsExactly("free-coop");
        assertThat(MatchingPolicy.rank(List.of(full))).isEmpty();
        assertThat(MatchingPolicy.rank(List.of(new Candidate("closed", 0, 0)))).isEmpty();
    }

    @Test
    void equalLoadsGoToTheMemberWithFewerLinesThenById() {
        Candidate a = new Candidate("b-coop", 20, 10);
        Candidate b = new Candidate("a-coop", 10, 5);
        Candidate c = new Candidate("c-coop", 10, 5);

        assertThat(MatchingPolicy.rank(List.of(a, c, b)))
                .extracting(Candidate::providerId)
                .containsExactly("a-coop", "c-coop", "b-coop");
    }
}
