package kr.dolbom.matching.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.web.Problems.FieldError;
import org.junit.jupiter.api.Test;

class DeliveryRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Test
    void aVisitLastsAtLeastThirtyMinutes() {
        assertThat(visit(NINE, NINE.plusMinutes(29))).extracting(FieldError::field).containsExactly("endTime");
        assertThat(visit(NINE, NINE.plusMinutes(30))).isEmpty();
    }

    @Test
    void aVisitEndsAfterItStartsAndWithinTwelveHours() {
        assertThat(visit(NINE, NINE)).extracting(FieldError::field).containsExactly("endTime");
        assertThat(visit(LocalTime.of(22, 0), LocalTime.of(1, 0))).extracting(FieldError::field).containsExactly("endTime");
        assertThat(visit(LocalTime.of(6, 0), LocalTime.of(18, 1))).extracting(FieldError::field).containsExactly("endTime");
        assertThat(visit(LocalTime.of(6, 0), LocalTime.of(18, 0))).isEmpty();
    }

    @Test
    void nothingIsReportedForADayThatHasNotCome() {
        assertThat(DeliveryRules.check(ServiceType.MEAL_SUPPORT, TODAY.plusDays(1), null, null, 1, TODAY))
                .extracting(FieldError::field).containsExactly("serviceDate");
        assertThat(DeliveryRules.check(ServiceType.MEAL_SUPPORT, TODAY, null, null, 1, TODAY)).isEmpty();
    }

    @Test
    void timedServicesReportTimesAndUnitServicesReportUnits() {
        assertThat(DeliveryRules.check(ServiceType.MOBILITY_SUPPORT, TODAY, null, null, 2, TODAY))
                .extracting(FieldError::field).containsExactly("units", "startTime", "endTime");
        assertThat(DeliveryRules.check(ServiceType.MEAL_SUPPORT, TODAY, NINE, null, null, TODAY))
                .extracting(FieldError::field).containsExactly("startTime", "units");
        assertThat(DeliveryRules.check(ServiceType.HOUSING_REPAIR, TODAY, null, null, 0, TODAY))
                .extracting(FieldError::field).containsExactly("units");
        assertThat(DeliveryRules.check(ServiceType.HOUSING_REPAIR, TODAY, null, null, 101, TODAY))
                .extracting(FieldError::field).containsExactly("units");
    }

    private static List<FieldError> visit(LocalTime start, LocalTime end) {
        return DeliveryRules.check(ServiceType.TEMPORARY_HOME_CARE, TODAY, start, end, null, TODAY);
    }
}
