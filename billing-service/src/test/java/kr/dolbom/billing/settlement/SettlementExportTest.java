package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import org.junit.jupiter.api.Test;

/** The statement's sums: of the lines written, split into own charges and adjustments, and the books' when frozen. */
class SettlementExportTest {

    private static final YearMonth MAY = YearMonth.of(2024, 5);

    @Test
    void theTotalsAreTheSumsOfTheLinesWithTheAdjustmentsApart() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sheet sheet = Sheet.open(ExportFormat.CSV, out, "t", SettlementExport.STATEMENT);
        Totals total = SettlementExport.statement(
                sheet,
                "p",
                MAY,
                null,
                List.of(line(LocalDate.of(2024, 4, 29), 56_320, 0), line(LocalDate.of(2024, 5, 6), 48_170, 48_170))
                        .iterator());
        sheet.finish();

        assertThat(total).isEqualTo(new Totals(2, 104_490, 56_320, 48_170));
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .contains("\r\n조정,1,,,,,,,56320,56320,0\r\n")
                .contains("\r\n청구,1,,,,,,,48170,0,48170\r\n")
                .contains("\r\n합계,2,,,,,,,104490,56320,48170\r\n");
    }

    @Test
    void aMonthThatTakesNoMoreLinesMustComeToItsSettlementsTotals() throws IOException {
        Settlement draft = Settlement.open(UUID.randomUUID(), "mapo", "p", MAY);
        Settlement submitted =
                draft.book(Lines.visit(draft, LocalDate.of(2024, 5, 6), 48_170)).submit(YearMonth.of(2024, 6));
        Sheet sheet = Sheet.open(ExportFormat.CSV, new ByteArrayOutputStream(), "t", SettlementExport.STATEMENT);

        assertThatThrownBy(() -> SettlementExport.statement(
                        sheet,
                        "p",
                        MAY,
                        submitted,
                        List.of(line(LocalDate.of(2024, 5, 6), 48_170, 1)).iterator()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("come to");
    }

    private static StatementLine line(LocalDate day, long amount, long coPayment) {
        return new StatementLine(
                UUID.randomUUID(),
                UUID.randomUUID(),
                day,
                ServiceType.TEMPORARY_HOME_CARE,
                240,
                null,
                amount,
                amount - coPayment,
                coPayment);
    }
}
