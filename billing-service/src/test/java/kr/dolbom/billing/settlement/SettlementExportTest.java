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
import kr.dolbom.events.DeliveryHoldReason;
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
    void theMonthsHeldDeliveriesAreListedApartAfterTheTotalsAndCountInNoSum() throws IOException {
        UUID heldDelivery = UUID.randomUUID();
        HeldDelivery held = new HeldDelivery(
                heldDelivery,
                "mapo",
                "p",
                ServiceType.MEAL_SUPPORT,
                LocalDate.of(2024, 5, 7),
                DeliveryHoldReason.NOT_PLANNED,
                LocalDate.of(2024, 5, 9));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sheet sheet = Sheet.open(ExportFormat.CSV, out, "t", SettlementExport.STATEMENT);
        Totals total = SettlementExport.statement(
                sheet,
                "p",
                MAY,
                null,
                List.of(line(LocalDate.of(2024, 5, 6), 48_170, 0)).iterator(),
                List.of(held));
        sheet.finish();

        assertThat(total).isEqualTo(new Totals(1, 48_170, 48_170, 0));
        String csv = new String(out.toByteArray(), StandardCharsets.UTF_8);
        assertThat(csv)
                .contains("\r\n합계,1,,,,,,,48170,48170,0\r\n\r\n보류 (정산 제외),,제공번호,일자,서비스,보류 사유,보류일\r\n"
                        + "보류,," + heldDelivery + ",2024-05-07,식사지원,계획 외 방문,2024-05-09\r\n"
                        + "보류 건수,1\r\n\r\n제공기관,p\r\n");
    }

    @Test
    void withoutHeldDeliveriesTheBlockSaysNone() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sheet sheet = Sheet.open(ExportFormat.CSV, out, "t", SettlementExport.STATEMENT);
        SettlementExport.statement(
                sheet, "p", MAY, null, List.<StatementLine>of().iterator());
        sheet.finish();

        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .contains("\r\n보류 (정산 제외),,제공번호,일자,서비스,보류 사유,보류일\r\n보류 건수,0\r\n");
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
