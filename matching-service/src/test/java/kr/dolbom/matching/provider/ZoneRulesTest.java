package kr.dolbom.matching.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class ZoneRulesTest {

    private static final Set<String> MAPO = Set.of("north", "central", "south");

    @Test
    void aMemberMayServeAndLeadZonesOfItsDistrictThatNoOtherMemberLeads() {
        assertThat(ZoneRules.refusal(MAPO, List.of("north", "central"), List.of("central"), Map.of("north", "coop")))
                .isEmpty();
    }

    @Test
    void aZoneOutsideTheDistrictsZoneMapIsRefusedByItsPlaceInTheList() {
        RuleViolation refusal = ZoneRules.refusal(MAPO, List.of("north", "west"), List.of(), Map.of())
                .orElseThrow();

        assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.REFUSED);
        assertThat(refusal.violations().get(0).field()).isEqualTo("zones[1]");
        assertThat(refusal.violations().get(0).message())
                .isEqualTo("zone west is not in the district's zone map [central, north, south]");
    }

    @Test
    void aMemberLeadsOnlyAZoneItServes() {
        RuleViolation refusal = ZoneRules.refusal(MAPO, List.of("north"), List.of("south"), Map.of())
                .orElseThrow();

        assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.INVALID);
        assertThat(refusal.violations().get(0).field()).isEqualTo("leadOf[0]");
    }

    @Test
    void aZoneHasOneLead() {
        RuleViolation refusal = ZoneRules.refusal(
                        MAPO,
                        List.of("north", "south"),
                        List.of("north", "south"),
                        Map.of("south", "mapo-neulbom-care"))
                .orElseThrow();

        assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
        assertThat(refusal.violations().get(0).field()).isEqualTo("leadOf[1]");
        assertThat(refusal.violations().get(0).message()).isEqualTo("zone south is led by mapo-neulbom-care");
    }

    @Test
    void aZoneNamedTwiceIsAMistakeOfTheRequest() {
        RuleViolation refusal = ZoneRules.refusal(MAPO, List.of("north", "north"), List.of(), Map.of())
                .orElseThrow();

        assertThat(refusal.kind()).isEqualTo(RuleViolation.Kind.INVALID);
        assertThat(refusal.violations().get(0).field()).isEqualTo("zones[1]");
    }
}
