package kr.dolbom.platform.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caller as services' policies see it: plain Java, and never half a caller. */
class CallerTest {

    @Test
    void callerAndRoleAreFreeOfFrameworksSoThatPoliciesCanBePlainJava() {
        noClasses()
                .that()
                .belongToAnyOf(Caller.class, CareRole.class)
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "kr.dolbom.platform.security..", "org.jspecify..")
                .check(new ClassFileImporter().importClasses(Caller.class, CareRole.class));
    }

    @Test
    void everyRoleButTheCityAndTheOperatorsActsForOneDistrict() {
        assertThatThrownBy(() -> new Caller("window@mapo", CareRole.WINDOW, null, null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Caller("city@seoul", CareRole.CITY_ADMIN, null, null, List.of()).district())
                .isNull();
        assertThat(new Caller("operator", CareRole.OPERATOR, null, null, List.of()).is(CareRole.OPERATOR))
                .isTrue();
    }

    @Test
    void providerStaffAndOnlyTheyWorkForAProvider() {
        assertThatThrownBy(() -> new Caller("p", CareRole.PROVIDER, "mapo", null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Caller("w", CareRole.WINDOW, "mapo", "mapo-homecare-coop", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        Caller staff = new Caller("p", CareRole.PROVIDER, "mapo", "mapo-homecare-coop", List.of());
        assertThat(staff.worksFor("mapo-homecare-coop")).isTrue();
        assertThat(staff.worksFor("mapo-neulbom-care")).isFalse();
        assertThat(staff.actsFor("seodaemun")).isFalse();
    }

    @Test
    void aCareManagerWithDongsCoversThoseOnlyAndWithoutThemTheWholeDistrict() {
        Caller mangwon = new Caller("cm", CareRole.CARE_MANAGER, "mapo", null, List.of("mangwon1"));
        Caller whole = new Caller("cm", CareRole.CARE_MANAGER, "mapo", null, List.of());
        assertThat(mangwon.covers("mangwon1")).isTrue();
        assertThat(mangwon.covers("hapjeong")).isFalse();
        assertThat(whole.covers("hapjeong")).isTrue();
    }
}
