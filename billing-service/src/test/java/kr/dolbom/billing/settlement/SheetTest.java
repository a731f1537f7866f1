package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

class SheetTest {

    private static final List<String> HEADER = List.of("구분", "일자", "금액");

    @Test
    void csvIsUtf8WithAByteOrderMarkAndNeverAFormula() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sheet sheet = Sheet.open(ExportFormat.CSV, out, "t", HEADER);
        sheet.row("=HYPERLINK(\"http://x\")", LocalDate.of(2024, 4, 2), 22_640L);
        sheet.row("-1", null, 0L);
        sheet.finish();

        byte[] bytes = out.toByteArray();
        assertThat(List.of(bytes[0], bytes[1], bytes[2])).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("구분,일자,금액\r\n\"'=HYPERLINK(\"\"http://x\"\")\",2024-04-02,22640\r\n'-1,,0\r\n");
    }

    @Test
    void anXlsxTableLongerThanAWorksheetGoesOnInTheNextUnderTheSameHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Sheet sheet = new Sheet.Xlsx(out, "정산내역 2024-04", HEADER, 3);
        sheet.row(HEADER.toArray());
        for (long i = 1; i <= 4; i++) {
            sheet.row("청구", LocalDate.of(2024, 4, (int) i), i * 1_000);
        }
        sheet.finish();

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<List<Row>> worksheets = workbook.getSheets()
                    .map(worksheet -> {
                        try {
                            return worksheet.read();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
            assertThat(worksheets).hasSize(2);
            assertThat(worksheets)
                    .allSatisfy(rows -> assertThat(rows.get(0).getCellText(0)).isEqualTo("구분"));
            assertThat(worksheets).extracting(List::size).containsExactly(3, 3);
            Row last = worksheets.get(1).get(2);
            assertThat(last.getCell(2).getType()).isEqualTo(CellType.NUMBER);
            assertThat(last.getCell(2).asNumber()).isEqualByComparingTo("4000");
            assertThat(last.getCell(1).asDate().toLocalDate()).isEqualTo(LocalDate.of(2024, 4, 4));
        }
    }
}
