package kr.dolbom.reporting.kpi;

import static kr.dolbom.reporting.CareEvents.assigned;
import static kr.dolbom.reporting.CareEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.reporting.ReportingIntegrationTest;
import kr.dolbom.testsupport.TestTokens;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The dashboard's Excel exports, read back as a spreadsheet program reads them. */
class KpiSheetsIT extends ReportingIntegrationTest {

    @Test
    void theTrendIsAWorkbookOfNumbersHeadedInKoreanUnlessEnglishIsAsked() throws IOException {
        OrderPlaced november = placed(district, "hapjeong", LocalDate.of(2026, 11, 2), true, 4);
        awaitApplied(
                publish(november),
                publish(assigned(november, 0, LocalDate.of(2026, 11, 3), false)),
                publish(placed(district, LocalDate.of(2026, 10, 30), false, 1)));

        List<Row> korean = workbook("/api/v1/kpis/trend.xlsx?district=" + district + "&to=2026-11", "ko-KR");
        assertThat(korean).hasSize(13);
        assertThat(korean.get(0).getCellText(0)).isEqualTo("월");
        assertThat(korean.get(0).getCellText(1)).isEqualTo("신청 (접수)");
        Row last = korean.get(12);
        assertThat(last.getCellText(0)).isEqualTo("2026-11");
        assertThat(numbers(last, 1, 6)).containsExactly(1L, 0L, 1L, 4L, 1L);
        assertThat(last.getCellAsNumber(6))
                .hasValueSatisfying(rate -> assertThat(rate).isEqualByComparingTo("0.25"));
        assertThat(last.getOptionalCell(15).map(Cell::getText).orElse(""))
                .as("no first service: unknown, not zero")
                .isEmpty();
        assertThat(numbers(last, 9, 11))
                .as("긴급돌봄: an urgent order, but nothing delivered yet")
                .containsExactly(0L, 0L);
        assertThat(numbers(korean.get(11), 1, 2)).containsExactly(1L);

        List<Row> english = workbook("/api/v1/kpis/trend.xlsx?district=" + district + "&to=2026-11", "en-US");
        assertThat(english.get(0).getCellText(1)).isEqualTo("Orders placed");
        assertThat(numbers(english.get(12), 1, 6)).containsExactly(1L, 0L, 1L, 4L, 1L);
    }

    @Test
    void theQueueDongsAndCityAreWorkbooksToo() throws IOException {
        OrderPlaced waiting = placed(district, "seogyo", LocalDate.of(2026, 11, 2), true, 2);
        awaitApplied(publish(waiting), publish(assigned(waiting, 0, LocalDate.of(2026, 11, 2), false)));

        List<Row> queue = workbook("/api/v1/kpis/queue.xlsx?district=" + district, "ko");
        assertThat(queue).hasSize(2);
        assertThat(queue.get(1).getCellText(0)).isEqualTo("긴급");
        assertThat(queue.get(1).getCellText(1)).isEqualTo("식사지원");
        assertThat(queue.get(1).getCellText(2)).isEqualTo("seogyo");
        assertThat(numbers(queue.get(1), 3, 4)).containsExactly(1L);

        List<Row> dongs = workbook("/api/v1/kpis/dongs.xlsx?district=" + district + "&month=2026-11", "ko");
        assertThat(dongs.get(0).getCellText(0)).isEqualTo("동");
        assertThat(dongs.get(1).getCellText(0)).isEqualTo("seogyo");
        assertThat(numbers(dongs.get(1), 1, 3)).containsExactly(2L, 1L);

        List<Row> city = workbook("/api/v1/kpis/city.xlsx?month=2026-11", "ko");
        assertThat(city.get(0).getCellText(0)).isEqualTo("자치구");
        Row ours = city.stream()
                .filter(row -> row.getCellText(0).equals(district))
                .findFirst()
                .orElseThrow();
        assertThat(numbers(ours, 1, 6)).containsExactly(1L, 0L, 1L, 2L, 1L);
    }

    @Test
    void aDistrictOfficialGetsTheirOwnDistrictsWorkbookOnly() {
        as(TestTokens.window(unique("seodaemun")))
                .get()
                .uri("/api/v1/kpis/trend.xlsx?district={d}&to=2026-11", district)
                .exchange()
                .expectStatus()
                .isNotFound();
        as(TestTokens.window(district))
                .get()
                .uri("/api/v1/kpis/city.xlsx?month=2026-11")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private static List<Long> numbers(Row row, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(column -> row.getCellAsNumber(column)
                        .map(BigDecimal::longValueExact)
                        .orElseThrow(() -> new AssertionError("no number in column " + column + " of " + row)))
                .toList();
    }
}
