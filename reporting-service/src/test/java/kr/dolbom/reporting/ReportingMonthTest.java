package kr.dolbom.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.MalformedEventException;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import org.junit.jupiter.api.Test;

class ReportingMonthTest {

    private static final LocalDate LAST_OF_OCTOBER = LocalDate.of(2026, 10, 31);
    private static final LocalDate FIRST_OF_NOVEMBER = LocalDate.of(2026, 11, 1);

    @Test
    void anOrderCountsInTheMonthItWasRequested() {
        OrderPlaced placed = CareEvents.placed("mapo", LAST_OF_OCTOBER, false, 1);
        OrderRejected rejected = CareEvents.rejected("mapo", FIRST_OF_NOVEMBER);

        assertThat(ReportingMonth.of(placed)).isEqualTo(YearMonth.of(2026, 10));
        assertThat(ReportingMonth.of(rejected)).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void anAssignmentCountsInTheMonthItWasMadeNotTheMonthOfItsOrder() {
        LineAssigned assigned = CareEvents.assigned(UUID.randomUUID(), "mapo", FIRST_OF_NOVEMBER, false);

        assertThat(ReportingMonth.of(assigned)).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void deliveriesAndChargesCountInTheMonthOfTheServiceDate() {
        ServiceDelivered delivered = CareEvents.visit(
                UUID.randomUUID(),
                ServiceType.TEMPORARY_HOME_CARE,
                "mapo",
                UUID.randomUUID(),
                LAST_OF_OCTOBER,
                LocalTime.of(22, 0),
                LocalTime.of(23, 59));
        DeliveryCharged charged =
                CareEvents.charged(UUID.randomUUID(), "mapo", "coop", LocalDate.of(2026, 12, 31), 1, 0);

        assertThat(ReportingMonth.of(delivered)).isEqualTo(YearMonth.of(2026, 10));
        assertThat(ReportingMonth.of(charged)).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void anEventWithoutItsBusinessDateHasNoMonthBecauseTheContractRefusesIt() {
        assertThatThrownBy(() -> CareEvents.rejected("mapo", null))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("requestedOn is missing");
    }

    @Test
    void aMonthIsStoredAsItsFirstDay() {
        assertThat(ReportingMonth.firstDay(YearMonth.of(2028, 2))).isEqualTo(LocalDate.of(2028, 2, 1));
    }
}
