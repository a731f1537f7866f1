package kr.dolbom.reporting.targets;

import static kr.dolbom.reporting.CareEvents.charged;
import static kr.dolbom.reporting.CareEvents.placed;
import static kr.dolbom.reporting.CareEvents.units;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingIntegrationTest;
import kr.dolbom.reporting.rebuild.ReadModelRebuild;
import kr.dolbom.reporting.rebuild.Rebuild;
import kr.dolbom.testsupport.TestTokens;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The targets' REST against the running service, and the KPI answers that show them: a district's billing officer
 * sets them (each time a new row), the figures of a month show the target in force that month, bad input is refused
 * naming its field with nothing written, and a rebuild of the read models leaves every target as it was. Each test
 * has a district of the city's to itself (targets are checked against the city's districts).
 */
class TargetsIT extends ReportingIntegrationTest {

    /** The trend workbook's first target column: after the month and its eighteen figures. */
    private static final int TARGETS = 19;

    @Autowired
    private ReadModelRebuild rebuilds;

    private WebTestClient officer(String district) {
        return as(TestTokens.billingOfficer(district));
    }

    private WebTestClient.ResponseSpec set(String district, String kpi, String validFrom, Object value) {
        return officer(district)
                .put()
                .uri("/api/v1/targets/{d}/{k}/{m}", district, kpi, validFrom)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("value", value))
                .exchange();
    }

    @Test
    void theMonthShowsTheTargetInForceThenAgainstItsActualFigures() throws IOException {
        String district = "gangnam";
        set(district, "MEALS", "2026-01", 10).expectStatus().isOk();
        set(district, "MEALS", "2026-07", 20).expectStatus().isOk();
        set(district, "HOUSING_HOUSEHOLDS", "2026-01", 4).expectStatus().isOk();
        set(district, "CONSORTIUM_REVENUE", "2026-01", 200_000_000)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.district")
                .isEqualTo(district)
                .jsonPath("$.targets.length()")
                .isEqualTo(4)
                .jsonPath("$.targets[?(@.kpi == 'MEALS' && @.validFrom == '2026-07')].value")
                .isEqualTo(20)
                .jsonPath("$.targets[0].setBy")
                .isEqualTo("billing@" + district)
                .jsonPath("$.targets[0].setAsRole")
                .isEqualTo("BILLING_OFFICER")
                .jsonPath("$.targets[0].setAt")
                .exists();

        UUID order = UUID.randomUUID();
        awaitApplied(
                // the city's view lists the districts with requests
                publish(placed(district, LocalDate.of(2026, 6, 1), false, 1)),
                publish(units(
                        order, ServiceType.MEAL_SUPPORT, district, UUID.randomUUID(), LocalDate.of(2026, 6, 30), 7)),
                publish(units(
                        order, ServiceType.MEAL_SUPPORT, district, UUID.randomUUID(), LocalDate.of(2026, 7, 1), 5)),
                publish(units(
                        order, ServiceType.HOUSING_REPAIR, district, UUID.randomUUID(), LocalDate.of(2026, 6, 3), 1)),
                publish(charged(order, district, "gangnam-care", LocalDate.of(2026, 2, 10), 30_000_000, 10_000_000)),
                publish(charged(order, district, "gangnam-care", LocalDate.of(2026, 6, 10), 50_000_000, 0)),
                publish(charged(order, district, "gangnam-care", LocalDate.of(2025, 12, 10), 90_000_000, 0)));

        // June: the January target; revenue of the year so far, not last December's
        districtKpi("monthly", district, "2026-06")
                .jsonPath("$.targets.length()")
                .isEqualTo(3)
                .jsonPath("$.targets[?(@.kpi == 'MEALS')].target")
                .isEqualTo(10)
                .jsonPath("$.targets[?(@.kpi == 'MEALS')].actual")
                .isEqualTo(7)
                .jsonPath("$.targets[?(@.kpi == 'MEALS')].share")
                .isEqualTo(0.7)
                .jsonPath("$.targets[?(@.kpi == 'MEALS')].validFrom")
                .isEqualTo("2026-01")
                .jsonPath("$.targets[?(@.kpi == 'HOUSING_HOUSEHOLDS')].actual")
                .isEqualTo(1)
                .jsonPath("$.targets[?(@.kpi == 'HOUSING_HOUSEHOLDS')].share")
                .isEqualTo(0.25)
                .jsonPath("$.targets[?(@.kpi == 'CONSORTIUM_REVENUE')].actual")
                .isEqualTo(90_000_000)
                .jsonPath("$.targets[?(@.kpi == 'CONSORTIUM_REVENUE')].share")
                .isEqualTo(0.45)
                .jsonPath("$.targets[?(@.kpi == 'CONSORTIUM_REVENUE')].period")
                .isEqualTo("YEAR");
        // July: the target changed mid-year
        districtKpi("meal-volume", district, "2026-07")
                .jsonPath("$.meals")
                .isEqualTo(5)
                .jsonPath("$.targets[0].target")
                .isEqualTo(20)
                .jsonPath("$.targets[0].share")
                .isEqualTo(0.25);
        districtKpi("users-served", district, "2026-06")
                .jsonPath("$.targets[0].kpi")
                .isEqualTo("HOUSING_HOUSEHOLDS");
        // before the first target: none shown
        districtKpi("monthly", district, "2025-12")
                .jsonPath("$.targets.length()")
                .isEqualTo(0);
        // the city's view shows each district's
        String city = text(get("/api/v1/kpis/city", Map.of("month", "2026-06"))
                .expectStatus()
                .isOk()
                .expectBody());
        assertThat(city).contains("{\"kpi\":\"MEALS\",\"period\":\"MONTH\",\"actual\":7,\"target\":10,\"share\":0.7");

        // the workbook carries each target and its attainment beside the month's figures, and nothing before them
        List<Row> trend = workbook("/api/v1/kpis/trend.xlsx?district=" + district + "&to=2026-07", "ko");
        assertThat(trend.get(0).getCellText(TARGETS)).isEqualTo("식사지원 목표 (식, 월)");
        assertThat(trend.get(0).getCellText(TARGETS + 5)).isEqualTo("매출 달성률 (1월부터 누계)");
        Row june = trend.get(11);
        assertThat(june.getCellText(0)).isEqualTo("2026-06");
        assertThat(IntStream.range(TARGETS, TARGETS + 6)
                        .mapToObj(column -> june.getCellAsNumber(column).orElseThrow()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(
                        BigDecimal.valueOf(10),
                        new BigDecimal("0.7"),
                        BigDecimal.valueOf(4),
                        new BigDecimal("0.25"),
                        BigDecimal.valueOf(200_000_000),
                        new BigDecimal("0.45"));
        assertThat(trend.get(12).getCellAsNumber(TARGETS))
                .hasValueSatisfying(meals -> assertThat(meals).isEqualByComparingTo("20"));
        Row december = trend.get(5);
        assertThat(december.getCellText(0)).isEqualTo("2025-12");
        assertThat(december.getOptionalCell(TARGETS).map(Cell::getText).orElse(""))
                .as("no target in force: an empty cell, not a zero")
                .isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        String district = "seocho";
        set(district, "MEALS", "2026-01", 10).expectStatus().isOk();
        long before = count("select count(*) from public.kpi_target where district = 'seocho'");

        refused(set(district, "MEALS", "2026-02", -5), "value");
        refused(set(district, "MEALS", "2026-02", 0), "value");
        refused(set(district, "MEALS", "2026-02", "many"), "value");
        refused(set(district, "DINNERS", "2026-02", 10), "kpi");
        refused(set(district, "MEALS", "2026-13", 10), "validFrom");
        refused(set(district, "MEALS", "26-02", 10), "validFrom");
        refused(set("atlantis", "MEALS", "2026-02", 10), "district");
        officer(district)
                .put()
                .uri("/api/v1/targets/{d}/MEALS/2026-02", district)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("value");
        // another district's officer, the window and the city may not set the plan's targets
        officer("gangnam")
                .put()
                .uri("/api/v1/targets/{d}/MEALS/2026-02", district)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("value", 10))
                .exchange()
                .expectStatus()
                .isForbidden();
        as(TestTokens.window(district))
                .put()
                .uri("/api/v1/targets/{d}/MEALS/2026-02", district)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("value", 10))
                .exchange()
                .expectStatus()
                .isForbidden();

        assertThat(count("select count(*) from public.kpi_target where district = 'seocho'"))
                .isEqualTo(before);
        // a target is never edited: the table refuses it
        assertThatThrownBy(() -> db.sql("update public.kpi_target set value = 1 where district = 'seocho'")
                        .then()
                        .block())
                .hasMessageContaining("append-only");
    }

    private static void refused(WebTestClient.ResponseSpec answer, String field) {
        answer.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    /** Targets are reporting's own data, not a read model of the events: a rebuild leaves every one as it was. */
    @Test
    void targetsSurviveARebuildOfTheReadModels() {
        String district = "songpa";
        set(district, "MEALS", "2026-03", 10).expectStatus().isOk();
        set(district, "MEALS", "2026-03", 12).expectStatus().isOk();
        awaitApplied(publish(units(
                UUID.randomUUID(),
                ServiceType.MEAL_SUPPORT,
                district,
                UUID.randomUUID(),
                LocalDate.of(2026, 3, 5),
                6)));
        String history = text(city().get()
                .uri("/api/v1/targets/{d}", district)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody());

        eventually()
                .until(() ->
                        rebuilds.latest().map(rebuild -> !rebuild.running()).orElse(true));
        Rebuild rebuild = rebuilds.start();
        eventually().until(() -> !rebuild.running());
        assertThat(rebuild.state()).as(String.valueOf(rebuild.failure())).isEqualTo(Rebuild.State.DONE);

        assertThat(text(city().get()
                        .uri("/api/v1/targets/{d}", district)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()))
                .isEqualTo(history);
        districtKpi("monthly", district, "2026-03")
                .jsonPath("$.meals")
                .isEqualTo(6)
                .jsonPath("$.targets[0].target")
                .isEqualTo(12)
                .jsonPath("$.targets[0].share")
                .isEqualTo(0.5);
    }
}
