package kr.dolbom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class AccessRuleTest {

    static final AccessRule READ_LINE = AccessRule.operation("readLine")
            .allow(CareRole.WINDOW, Reach.OWN_DISTRICT)
            .allow(CareRole.CARE_MANAGER, Reach.OWN_DISTRICT)
            .allow(CareRole.PROVIDER, Reach.OWN_PROVIDER)
            .allow(CareRole.AGENCY, Reach.OWN_SUBMISSIONS)
            .allow(CareRole.CITY_ADMIN, Reach.EVERY_DISTRICT)
            .build();

    static final Holder LINE = Holder.district("mapo")
            .dong("mangwon1")
            .heldBy("mapo-homecare-coop")
            .submittedBy("agency@mapo-hospital");

    @Test
    void aRoleTheRuleDoesNotNameIsForbiddenWhateverItAsksFor() {
        Caller billing = new Caller("billing@mapo", CareRole.BILLING_OFFICER, "mapo", null, List.of());
        assertThatThrownBy(() -> READ_LINE.reveal(billing, LINE, "line", "l-1"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN))
                .hasMessageNotContaining("l-1");
    }

    @Test
    void aRecordBeyondTheRolesReachIsNotFound() {
        Caller otherDistrict = new Caller("window@seodaemun", CareRole.WINDOW, "seodaemun", null, List.of());
        Caller otherProvider = new Caller("provider@x", CareRole.PROVIDER, "mapo", "mapo-neulbom-care", List.of());
        Caller otherAgency = new Caller("agency@mapo-clinic", CareRole.AGENCY, "mapo", null, List.of());
        Caller otherDongs = new Caller("cm@mapo", CareRole.CARE_MANAGER, "mapo", null, List.of("hapjeong"));
        for (Caller caller : List.of(otherDistrict, otherProvider, otherAgency, otherDongs)) {
            assertThatThrownBy(() -> READ_LINE.reveal(caller, LINE, "line", "l-1"))
                    .as(caller.subject())
                    .isInstanceOfSatisfying(
                            RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.NOT_FOUND));
        }
    }

    @Test
    void eachRoleReachesItsOwn() {
        List<Caller> own = List.of(
                new Caller("window@mapo", CareRole.WINDOW, "mapo", null, List.of()),
                new Caller("cm@mapo", CareRole.CARE_MANAGER, "mapo", null, List.of("mangwon1")),
                new Caller("provider@coop", CareRole.PROVIDER, "mapo", "mapo-homecare-coop", List.of()),
                new Caller("agency@mapo-hospital", CareRole.AGENCY, "mapo", null, List.of()),
                new Caller("city@seoul", CareRole.CITY_ADMIN, null, null, List.of()));
        assertThat(own)
                .allSatisfy(caller -> assertThat(READ_LINE.reaches(caller, LINE))
                        .as(caller.subject())
                        .isTrue());
    }

    @Test
    void creatingInAnotherNameIsForbiddenNamingTheField() {
        Caller window = new Caller("window@seodaemun", CareRole.WINDOW, "seodaemun", null, List.of());
        assertThatThrownBy(() -> READ_LINE.create(window, Holder.district("mapo"), "district"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN);
                    assertThat(v.violations())
                            .extracting(RuleViolation.Violation::field)
                            .containsExactly("district");
                });
    }

    @Test
    void aRuleCannotGiveADistrictRoleEveryDistrictNorNameARoleTwice() {
        assertThatThrownBy(() -> AccessRule.operation("x").allow(CareRole.WINDOW, Reach.EVERY_DISTRICT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessRule.operation("x")
                        .allow(CareRole.WINDOW, Reach.OWN_DISTRICT)
                        .allow(CareRole.WINDOW, Reach.SHARED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessPolicy.of(READ_LINE, READ_LINE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Holder.district("mapo").heldBy(Set.of("a", "b")).providers()).containsExactlyInAnyOrder("a", "b");
    }
}
