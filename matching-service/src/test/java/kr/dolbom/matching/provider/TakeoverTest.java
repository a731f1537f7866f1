package kr.dolbom.matching.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TakeoverTest {

    @Test
    void theZonesLeadWithRoomTakesOverAndOrdinaryMembersAreNotAsked() {
        List<Candidate> zone = List.of(
                new Candidate("leaving", 5, 4, 1, false),
                new Candidate("emptier-member", 10, 0, 1, false),
                new Candidate("lead", 5, 4, 1, true));

        assertThat(Takeover.successor(zone, "leaving")).contains("lead");
    }

    @Test
    void aLeadWithoutRoomOrTheLeavingLeadItselfLeavesTheLineToThePublicCentre() {
        assertThat(Takeover.successor(List.of(new Candidate("lead", 5, 5, 1, true)), "leaving"))
                .as("full")
                .isEmpty();
        assertThat(Takeover.successor(List.of(new Candidate("lead", 5, 1, 1, true)), "lead"))
                .as("the lead handing back its own line")
                .isEmpty();
        assertThat(Takeover.successor(List.of(), "leaving"))
                .as("a zone without members")
                .isEmpty();
    }

    @Test
    void ofTwoLeadsTheLessLoadedTakesOverThenTheFirstByName() {
        List<Candidate> leads = List.of(
                new Candidate("lead-b", 10, 2, 1, true),
                new Candidate("lead-a", 20, 4, 1, true),
                new Candidate("lead-c", 10, 5, 1, true));

        assertThat(Takeover.successor(leads, "leaving"))
                .as("2/10 and 4/20 tie: by name")
                .contains("lead-a");
    }
}
