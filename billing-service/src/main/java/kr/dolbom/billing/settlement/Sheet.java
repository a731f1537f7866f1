package kr.dolbom.billing.settlement;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * A table written row by row to a stream and never held whole, so that a month of a million lines takes no more
 * memory than one of ten. A cell is text, a whole number (written as a number: amounts stay summable in Excel), a
 * day, or empty. The first row is the header.
 */
public sealed interface Sheet {

    static Sheet open(ExportFormat format, OutputStream out, String title, List<String> header) throws IOException {
        Sheet sheet = format == ExportFormat.CSV ? new Csv(out) : new Xlsx(out, title, header, Worksheet.MAX_ROWS);
        sheet.row(header.toArray());
        return sheet;
    }

    void row(@Nullable Object... cells) throws IOException;

    /** Ends the file; the stream is left to its owner. */
    void finish() throws IOException;

    /**
     * UTF-8 with a byte-order mark, which is what makes Excel in Korea read it as UTF-8 rather than CP949; RFC 4180
     * (Excel's dialect: commas, CRLF, quotes where needed).
     */
    final class Csv implements Sheet {

        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        private final CSVPrinter printer;

        Csv(OutputStream out) throws IOException {
            out.write(BOM);
            printer = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024),
                    CSVFormat.EXCEL);
        }

        @Override
        public void row(@Nullable Object... cells) throws IOException {
            for (Object cell : cells) {
                printer.print(cell instanceof String text ? inert(text) : cell);
            }
            printer.println();
        }

        @Override
        public void finish() throws IOException {
            printer.flush();
        }

        /**
         * Text that Excel would take for a formula (a payment reference of {@code =HYPERLINK(…)}) is quoted with a
         * leading apostrophe, so that opening a statement never runs anything.
         */
        private static String inert(String text) {
            return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }
    }

    /**
     * fastexcel's streaming writer: rows go out every {@value #FLUSH_EVERY} rows, text is written inline (not into
     * the shared-string table, which would grow with every charge id), and a table longer than a worksheet goes on
     * in the next one, under the same header.
     */
    final class Xlsx implements Sheet {

        private static final int FLUSH_EVERY = 1_000;

        private final Workbook workbook;
        private final String title;
        private final List<String> header;
        private final int rowsPerWorksheet;
        private Worksheet worksheet;
        private int worksheets = 1;
        private int next;

        /** @param rowsPerWorksheet Excel's limit, lower only to test what happens there */
        Xlsx(OutputStream out, String title, List<String> header, int rowsPerWorksheet) {
            this.workbook = new Workbook(out, "dolbom", "1.0");
            this.title = title;
            this.header = List.copyOf(header);
            this.rowsPerWorksheet = rowsPerWorksheet;
            this.worksheet = workbook.newWorksheet(title);
        }

        @Override
        public void row(@Nullable Object... cells) throws IOException {
            if (next == rowsPerWorksheet) {
                worksheet.finish();
                worksheet = workbook.newWorksheet(title + " (" + ++worksheets + ")");
                next = 0;
                row(header.toArray());
            }
            int r = next++;
            for (int c = 0; c < cells.length; c++) {
                Object cell = cells[c];
                if (cell instanceof Number number) {
                    worksheet.value(r, c, number);
                } else if (cell instanceof LocalDate day) {
                    worksheet.value(r, c, day);
                    worksheet.style(r, c).format("yyyy-mm-dd").set();
                } else if (cell != null) {
                    worksheet.inlineString(r, c, cell.toString());
                }
            }
            if (next % FLUSH_EVERY == 0) {
                worksheet.flush();
            }
        }

        @Override
        public void finish() throws IOException {
            worksheet.finish();
            workbook.finish();
        }
    }
}
