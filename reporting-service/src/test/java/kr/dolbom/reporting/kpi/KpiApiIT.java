package kr.dolbom.reporting.kpi;

import static kr.dolbom.reporting.CareEvents.assigned;
import static kr.dolbom.reporting.CareEvents.charged;
import static kr.dolbom.reporting.CareEvents.placed;
import static kr.dolbom.reporting.CareEvents.rejected;
import static kr.dolbom.reporting.CareEvents.units;
import static kr.dolbom.reporting.CareEvents.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingIntegrationTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

class KpiApiIT extends ReportingIntegrationTest {

    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);

    @Test
    void theMonthlyDocumentFollowsOneOrderFromRequestToCharge() {
        String provider = unique("meal-jahwal");
        UUID resident = UUID.randomUUID();
        OrderPlaced placedOrder = placed(district, LocalDate.of(2026, 11, 2), true, 2);
        awaitApplied(
                publish(placedOrder),
                publish(rejected(district, NOV_3)),
                publish(assigned(placedOrder.careOrderId(), district, NOV_3, false)),
                publish(units(placedOrder.careOrderId(), ServiceType.MEAL_SUPPORT, district, resident, NOV_3, 10)),
                publish(visit(
                        placedOrder.careOrderId(),
                        ServiceType.TEMPORARY_HOME_CARE,
                        district,
                        resident,
                        NOV_3,
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 30))),
                publish(charged(placedOrder.careOrderId(), district, provider, NOV_3, 38_340, 0)));

        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.orders.placed")
                .isEqualTo(1)
                .jsonPath("$.orders.rejected")
                .isEqualTo(1)
                .jsonPath("$.orders.urgent")
                .isEqualTo(1)
                .jsonPath("$.orders.linesRequested")
                .isEqualTo(2)
                .jsonPath("$.orders.linesAssigned")
                .isEqualTo(1)
                .jsonPath("$.orders.lastResort")
                .isEqualTo(0)
                .jsonPath("$.orders.matchRate")
                .isEqualTo(0.5)
                .jsonPath("$.orders.lastResortShare")
                .isEqualTo(0.0)
                .jsonPath("$.deliveries.MEAL_SUPPORT.units")
                .isEqualTo(10)
                .jsonPath("$.deliveries.TEMPORARY_HOME_CARE.minutes")
                .isEqualTo(150)
                .jsonPath("$.meals")
                .isEqualTo(10)
                .jsonPath("$.usersServed.byService.MEAL_SUPPORT")
                .isEqualTo(1)
                .jsonPath("$.usersServed.byService.TEMPORARY_HOME_CARE")
                .isEqualTo(1)
                .jsonPath("$.usersServed.total")
                .isEqualTo(1)
                .jsonPath("$.charges.count")
                .isEqualTo(1)
                .jsonPath("$.charges.amount")
                .isEqualTo(38_340)
                .jsonPath("$.charges.publicShare")
                .isEqualTo(38_340)
                .jsonPath("$.charges.coPayment")
                .isEqualTo(0);
    }

    @Test
    void aDistrictOrProviderWithoutActivityGetsZerosNotNotFound() {
        districtKpi("monthly", district, "2026-11")
                .jsonPath("$.orders.placed")
                .isEqualTo(0)
                .jsonPath("$.orders.linesRequested")
                .isEqualTo(0)
                .jsonPath("$.orders.matchRate")
                .doesNotExist()
                .jsonPath("$.orders.lastResortShare")
                .doesNotExist()
                .jsonPath("$.deliveries.length()")
                .isEqualTo(ServiceType.values().length)
                .jsonPath("$.deliveries.MEAL_SUPPORT.deliveries")
                .isEqualTo(0)
                .jsonPath("$.deliveries.MOBILITY_SUPPORT.minutes")
                .isEqualTo(0)
                .jsonPath("$.meals")
                .isEqualTo(0)
                .jsonPath("$.usersServed.byService.length()")
                .isEqualTo(ServiceType.values().length)
                .jsonPath("$.usersServed.byService.HOUSING_REPAIR")
                .isEqualTo(0)
                .jsonPath("$.usersServed.total")
                .isEqualTo(0)
                .jsonPath("$.charges.count")
                .isEqualTo(0)
                .jsonPath("$.charges.amount")
                .isEqualTo(0);
        String orders = text(districtKpi("orders", district, "2026-11"));
        assertThat(orders).as("no lines: the match rate is unknown, not zero").contains("\"matchRate\":null");
        districtKpi("meal-volume", district, "2026-11").jsonPath("$.meals").isEqualTo(0);
        districtKpi("users-served", district, "2026-11").jsonPath("$.total").isEqualTo(0);
        providerCharges(unique("idle-coop"), "2026-11")
                .jsonPath("$.count")
                .isEqualTo(0)
                .jsonPath("$.amount")
                .isEqualTo(0)
                .jsonPath("$.publicShare")
                .isEqualTo(0)
                .jsonPath("$.coPayment")
                .isEqualTo(0);
    }

    @Test
    void theTrendHasTwelveMonthsOldestFirstAcrossTheYearsEnd() {
        OrderPlaced january = placed(district, LocalDate.of(2027, 1, 31), false, 1);
        OrderPlaced lastFebruary = placed(district, LocalDate.of(2026, 2, 1), false, 3);
        awaitApplied(
                publish(january),
                publish(lastFebruary),
                // the month before the trend's first: not in it
                publish(placed(district, LocalDate.of(2026, 1, 31), false, 5)),
                publish(assigned(january.careOrderId(), district, LocalDate.of(2027, 1, 31), false)));

        city().get()
                .uri("/api/v1/kpis/trend?district={d}&to=2027-01", district)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.district")
                .isEqualTo(district)
                .jsonPath("$.to")
                .isEqualTo("2027-01")
                .jsonPath("$.months.length()")
                .isEqualTo(12)
                .jsonPath("$.months[0].month")
                .isEqualTo("2026-02")
                .jsonPath("$.months[0].orders.linesRequested")
                .isEqualTo(3)
                .jsonPath("$.months[10].month")
                .isEqualTo("2026-12")
                .jsonPath("$.months[10].orders.placed")
                .isEqualTo(0)
                .jsonPath("$.months[11].month")
                .isEqualTo("2027-01")
                .jsonPath("$.months[11].orders.matchRate")
                .isEqualTo(1.0)
                .jsonPath("$.months[*].orders.placed")
                .value(placed -> assertThat(placed)
                        .asInstanceOf(InstanceOfAssertFactories.LIST)
                        .containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void theCityListsEveryDistrictItKnowsWithZerosForAQuietMonth() {
        String quiet = unique("seodaemun");
        awaitApplied(
                publish(placed(district, LocalDate.of(2026, 11, 5), true, 2)),
                publish(placed(quiet, LocalDate.of(2026, 10, 5), false, 1)));

        String answer = text(city().get()
                .uri("/api/v1/kpis/city?month=2026-11")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.month")
                .isEqualTo("2026-11")
                .jsonPath("$.districts[?(@.district == '%s')].orders.urgent".formatted(district))
                .isEqualTo(1)
                .jsonPath("$.districts[?(@.district == '%s')].orders.placed".formatted(quiet))
                .isEqualTo(0));
        assertThat(answer.indexOf("\"district\":\"" + district + "\""))
                .as("districts in the order of their names")
                .isLessThan(answer.indexOf("\"district\":\"" + quiet + "\""));
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("/api/v1/kpis/monthly", Map.of("district", "mapo"), "month"),
                Arguments.of("/api/v1/kpis/monthly", Map.of("month", "2026-11"), "district"),
                Arguments.of("/api/v1/kpis/monthly", Map.of("district", "mapo", "month", "2026-13"), "month"),
                Arguments.of("/api/v1/kpis/orders", Map.of("district", "mapo", "month", "november"), "month"),
                Arguments.of("/api/v1/kpis/orders", Map.of("district", "mapo", "month", "2026-1"), "month"),
                Arguments.of("/api/v1/kpis/orders", Map.of("district", " ", "month", "2026-11"), "district"),
                Arguments.of("/api/v1/kpis/meal-volume", Map.of("district", "mapo", "month", "2026-11-05"), "month"),
                Arguments.of("/api/v1/kpis/meal-volume", Map.of("district", "mapo", "month", ""), "month"),
                Arguments.of("/api/v1/kpis/users-served", Map.of("district", "mapo", "month", "+12026-11"), "month"),
                Arguments.of(
                        "/api/v1/kpis/users-served",
                        Map.of("district", "m".repeat(41), "month", "2026-11"),
                        "district"),
                Arguments.of("/api/v1/kpis/trend", Map.of("district", "mapo", "to", "2026-13"), "to"),
                Arguments.of("/api/v1/kpis/trend", Map.of("district", "mapo"), "to"),
                // its first month would be in the year 0
                Arguments.of("/api/v1/kpis/trend", Map.of("district", "mapo", "to", "0001-11"), "to"),
                Arguments.of("/api/v1/kpis/trend", Map.of("to", "2026-11"), "district"),
                Arguments.of("/api/v1/kpis/city", Map.of("month", "2026/11"), "month"),
                Arguments.of("/api/v1/kpis/city", Map.of(), "month"),
                Arguments.of("/api/v1/kpis/charges", Map.of("month", "2026-11"), "provider"),
                Arguments.of(
                        "/api/v1/kpis/charges", Map.of("provider", "mapo-homecare-coop", "month", "11/2026"), "month"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badRequests")
    void aBadParameterGetsAProblemNamingIt(String path, Map<String, String> params, String field) {
        get(path, params)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains(field));
    }
}
