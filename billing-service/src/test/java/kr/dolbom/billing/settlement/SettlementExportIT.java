package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statement and the payment list of real months, downloaded as CSV and XLSX and read back by a parser: every
 * line, numbers as numbers, Korean headers, and totals that are the settlement's to the won.
 */
class SettlementExportIT extends BillingIntegrationTest {

    @Autowired
    private Environment environment;

    @Autowired
    private ConnectionFactory connections;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final YearMonth APRIL = YearMonth.of(2024, 4);
    private static final YearMonth MAY = YearMonth.of(2024, 5);

    @Test
    void aClosedMonthsStatementListsEveryLineAndComesToItsApprovedTotals() throws IOException {
        Deliveries provider = new Deliveries();
        Deliveries citizen = new Deliveries(provider.provider()).forTier(IncomeTier.GENERAL);
        KAFKA.publish(provider.homeCareVisit(APRIL.atDay(2), 150));
        KAFKA.publish(provider.homeCareVisit(APRIL.atDay(30), 240));
        KAFKA.publish(provider.units(ServiceType.MEAL_SUPPORT, APRIL.atDay(10), 10));
        KAFKA.publish(citizen.homeCareVisit(APRIL.atDay(11), 60));
        awaitCharges(provider, 4);
        close(provider, APRIL);
        pay(provider, APRIL, "마포-지출-2024-0401");

        EntityExchangeResult<byte[]> download = download(ownProvider(provider), statement(provider, APRIL, "csv"));
        assertThat(download.getResponseHeaders().getContentType())
                .isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8"));
        assertThat(download.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("statement-" + provider.provider() + "-2024-04.csv");
        assertThat(download.getResponseHeaders().getCacheControl()).contains("no-store");
        byte[] body = Objects.requireNonNull(download.getResponseBody());
        assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> csv = CSVFormat.EXCEL
                .parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))
                .getRecords();

        assertThat(csv.get(0).toList()).isEqualTo(SettlementExport.STATEMENT);
        List<CSVRecord> lines = csv.subList(1, 5);
        assertThat(lines)
                .extracting(line -> line.get(3))
                .containsExactly("2024-04-02", "2024-04-10", "2024-04-11", "2024-04-30");
        assertThat(lines).extracting(line -> line.get(0)).containsOnly("청구");
        CSVRecord meals = lines.get(1);
        assertThat(meals.get(4)).isEqualTo("식사지원");
        assertThat(List.of(meals.get(6), meals.get(7), meals.get(8), meals.get(9), meals.get(10)))
                .containsExactly("10", "5000", "50000", "50000", "0");
        CSVRecord visit = lines.get(2);
        assertThat(List.of(visit.get(4), visit.get(5), visit.get(6), visit.get(7), visit.get(8)))
                .containsExactly("일시재가", "60", "1", "22640", "22640");
        assertThat(List.of(visit.get(9), visit.get(10)))
                .as("a citizen pays in full")
                .containsExactly("0", "22640");

        JsonNode settlement = read(provider, APRIL);
        CSVRecord total = record(csv, "합계");
        assertThat(List.of(total.get(1), total.get(8), total.get(9), total.get(10)))
                .containsExactly(
                        settlement.path("lines").asString(),
                        settlement.path("amount").asString(),
                        settlement.path("publicShare").asString(),
                        settlement.path("coPayment").asString());
        assertThat(total.get(8)).isEqualTo(String.valueOf(38_340 + 56_320 + 50_000 + 22_640));
        assertThat(lines.stream().mapToLong(line -> Long.parseLong(line.get(8))).sum())
                .isEqualTo(settlement.path("amount").asLong());
        assertThat(record(csv, "조정").get(1)).isEqualTo("0");
        assertThat(record(csv, "상태").get(1)).isEqualTo("지급");
        assertThat(record(csv, "지급번호").get(1)).isEqualTo("마포-지출-2024-0401");
        assertThat(new String(body, StandardCharsets.UTF_8))
                .doesNotContain(provider.resident().toString());
    }

    @Test
    void anAdjustmentIsALineOfItsOwnInTheXlsxStatementWithNumbersAsNumbers() throws IOException {
        Deliveries provider = new Deliveries();
        KAFKA.publish(provider.homeCareVisit(APRIL.atDay(8), 120));
        KAFKA.publish(provider.homeCareVisit(MAY.atDay(6), 180));
        KAFKA.publish(provider.units(ServiceType.MEAL_SUPPORT, MAY.atDay(7), 3));
        awaitCharges(provider, 3);
        close(provider, APRIL);
        KAFKA.publish(provider.homeCareVisit(APRIL.atDay(29), 240)); // late: an adjustment of May
        awaitCharges(provider, 4);

        EntityExchangeResult<byte[]> download = download(officer(), statement(provider, MAY, "xlsx"));
        assertThat(download.getResponseHeaders().getContentType()).isEqualTo(MediaType.parseMediaType(XLSX));
        assertThat(download.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("statement-" + provider.provider() + "-2024-05.xlsx");
        List<Row> rows = xlsx(download);

        assertThat(texts(rows.get(0))).isEqualTo(SettlementExport.STATEMENT);
        Row adjustment = rows.get(1);
        assertThat(adjustment.getCellText(0)).isEqualTo("조정");
        assertThat(adjustment.getCell(3).asDate().toLocalDate()).isEqualTo(APRIL.atDay(29));
        assertThat(adjustment.getCellText(1)).isNotBlank();
        for (int column = 5; column <= 10; column++) {
            assertThat(adjustment.getCell(column).getType())
                    .as("column %d", column)
                    .isEqualTo(CellType.NUMBER);
        }
        assertThat(adjustment.getCell(8).asNumber()).isEqualByComparingTo(BigDecimal.valueOf(56_320));
        assertThat(rows.subList(2, 4)).extracting(row -> row.getCellText(0)).containsOnly("청구");
        assertThat(rows.get(3).getCell(7).asNumber()).as("meal unit price").isEqualByComparingTo("5000");

        JsonNode settlement = read(provider, MAY);
        Row total = row(rows, "합계");
        assertThat(total.getCell(8).getType()).isEqualTo(CellType.NUMBER);
        assertThat(total.getCell(1).asNumber().longValueExact()).isEqualTo(3);
        assertThat(total.getCell(8).asNumber().longValueExact())
                .isEqualTo(settlement.path("amount").asLong());
        assertThat(total.getCell(9).asNumber().longValueExact())
                .isEqualTo(settlement.path("publicShare").asLong());
        assertThat(total.getCell(10).asNumber().longValueExact())
                .isEqualTo(settlement.path("coPayment").asLong());
        assertThat(row(rows, "조정").getCell(8).asNumber().longValueExact())
                .isEqualTo(settlement.path("adjustments").path("amount").asLong());
        assertThat(rows.subList(1, 4).stream()
                        .mapToLong(row -> row.getCell(8).asNumber().longValueExact())
                        .sum())
                .isEqualTo(settlement.path("amount").asLong());
        assertThat(row(rows, "상태").getCellText(1)).isEqualTo("작성 중");
    }

    @Test
    void thePaymentListHasTheDistrictsApprovedAndPaidMonthsAndNoDrafts() throws IOException {
        Deliveries paid = new Deliveries();
        Deliveries approved = new Deliveries();
        Deliveries draft = new Deliveries();
        KAFKA.publish(paid.homeCareVisit(APRIL.atDay(3), 60));
        KAFKA.publish(approved.homeCareVisit(APRIL.atDay(4), 240));
        KAFKA.publish(approved.units(ServiceType.MEAL_SUPPORT, APRIL.atDay(5), 2));
        KAFKA.publish(draft.homeCareVisit(APRIL.atDay(5), 120));
        awaitCharges(paid, 1);
        awaitCharges(approved, 2);
        awaitCharges(draft, 1);
        close(paid, APRIL);
        LocalDate paidOn = pay(paid, APRIL, "T-0042");
        close(approved, APRIL);

        EntityExchangeResult<byte[]> download = download(officer(), "/api/v1/payment-lists/mapo/2024-04.xlsx");
        assertThat(download.getResponseHeaders().getContentDisposition().getFilename())
                .isEqualTo("payments-mapo-2024-04.xlsx");
        List<Row> rows = xlsx(download);
        assertThat(texts(rows.get(0))).isEqualTo(SettlementExport.PAYMENT_LIST);
        List<Row> providers = rows.subList(1, rows.indexOf(row(rows, "구분")));
        assertThat(providers).extracting(row -> row.getCellText(0)).doesNotContain(draft.provider());

        Row paidRow = row(providers, paid.provider());
        assertThat(paidRow.getCellText(2)).isEqualTo("지급");
        assertThat(paidRow.getCell(5).asNumber().longValueExact()).isEqualTo(22_640);
        assertThat(paidRow.getCell(10).asDate().toLocalDate()).isEqualTo(paidOn);
        assertThat(paidRow.getCellText(11)).isEqualTo("T-0042");
        Row approvedRow = row(providers, approved.provider());
        assertThat(approvedRow.getCellText(2)).isEqualTo("승인");
        assertThat(approvedRow.getCell(3).asNumber().longValueExact()).isEqualTo(2);
        assertThat(approvedRow.getCell(4).getType()).isEqualTo(CellType.NUMBER);
        assertThat(approvedRow.getCell(4).asNumber().longValueExact())
                .isEqualTo(read(approved, APRIL).path("amount").asLong());
        assertThat(approvedRow.getOptionalCell(11).map(cell -> cell.getText()).orElse(""))
                .isEmpty();
        long listed = providers.stream()
                .mapToLong(row -> row.getCell(4).asNumber().longValueExact())
                .sum();
        assertThat(row(rows, "합계").getCell(4).asNumber().longValueExact()).isEqualTo(listed);

        byte[] csv = Objects.requireNonNull(
                download(officer(), "/api/v1/payment-lists/mapo/2024-04.csv").getResponseBody());
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF제공기관,정산월,상태,").contains(paid.provider() + ",2024-04,지급,1,22640,");
        assertThat(text).doesNotContain(draft.provider());
        as(officer())
                .get()
                .uri("/api/v1/payment-lists/mapo/2024-04.xlsx")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(XLSX);
    }

    @Test
    void badInputIsNamedAndOtherProvidersAndDistrictsAreNotFound() {
        Deliveries provider = new Deliveries();
        KAFKA.publish(provider.homeCareVisit(APRIL.atDay(15), 60));
        awaitCharges(provider, 1);

        assertThat(problem(
                        ownProvider(provider),
                        "/api/v1/settlements/" + provider.provider() + "/2024-13/statement.csv",
                        400))
                .isEqualTo("month");
        assertThat(problem(ownProvider(provider), statement(provider, APRIL, "pdf"), 400))
                .isEqualTo("format");
        assertThat(problem(officer(), "/api/v1/payment-lists/mapo/24-4.xlsx", 400))
                .isEqualTo("month");
        problem(officer(), "/api/v1/settlements/nobody-ever/2024-04/statement.csv", 404);
        problem(TestTokens.provider("mapo", "someone-else"), statement(provider, APRIL, "xlsx"), 404);
        problem(TestTokens.billingOfficer("seodaemun"), statement(provider, APRIL, "csv"), 404);
        problem(TestTokens.billingOfficer("seodaemun"), "/api/v1/payment-lists/mapo/2024-04.csv", 404);
        problem(TestTokens.window("mapo"), statement(provider, APRIL, "csv"), 403);
        problem(ownProvider(provider), "/api/v1/payment-lists/mapo/2024-04.csv", 403);
    }

    @Test
    void aClientThatGoesAwayMidFileEndsTheQueryAndFreesItsConnection() {
        String provider = "export-cancel-" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("""
                        insert into charge (id, delivery_id, care_order_id, line_id, provider_id, district, service_type,
                                            resident_ref, income_tier, service_date, minutes, amount, public_share,
                                            co_payment, tariff_id, settlement_month)
                        select gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), :provider,
                               'mapo', 'TEMPORARY_HOME_CARE', gen_random_uuid(), 'BASIC_LIVELIHOOD',
                               date '2024-06-01' + i % 30, 60, 22640, 22640, 0, 'care-sos-2021-home-care',
                               date '2024-06-01'
                        from generate_series(1, 50000) as i""").bind("provider", provider).fetch().rowsUpdated().block();
        String lines = "select count(*) from pg_stat_activity where query like 'select id, delivery_id, service_date%'";

        DataBuffer first = WebClient.builder()
                .baseUrl("http://localhost:" + environment.getRequiredProperty("local.server.port"))
                .defaultHeaders(headers ->
                        headers.setBearerAuth(ownProviderToken(provider).mint()))
                .build()
                .get()
                .uri("/api/v1/settlements/{p}/2024-06/statement.csv", provider)
                .retrieve()
                .bodyToFlux(DataBuffer.class)
                .take(1)
                .blockLast(Duration.ofSeconds(30));
        assertThat(first).isNotNull();
        DataBufferUtils.release(first);

        PoolMetrics pool = ((ConnectionPool) connections).getMetrics().orElseThrow();
        eventually().until(() -> pool.acquiredSize() == 0 && count(lines + " and state <> 'idle'") == 0);
    }

    // --- the calls

    private static String statement(Deliveries provider, YearMonth month, String format) {
        return "/api/v1/settlements/" + provider.provider() + "/" + month + "/statement." + format;
    }

    private EntityExchangeResult<byte[]> download(TestTokens.Token caller, String uri) {
        return as(caller)
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        value -> assertThat(value).startsWith("attachment"))
                .expectBody()
                .returnResult();
    }

    /** The problem's one field, for a 400. */
    private @Nullable String problem(TestTokens.Token caller, String uri, int status) {
        EntityExchangeResult<byte[]> result = as(caller)
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .returnResult();
        JsonNode problem = JSON.readTree(Objects.requireNonNull(result.getResponseBody()));
        return problem.path("errors").isEmpty()
                ? null
                : problem.path("errors").get(0).path("field").asString();
    }

    private JsonNode read(Deliveries provider, YearMonth month) {
        byte[] body = as(officer())
                .get()
                .uri("/api/v1/settlements?provider={p}&month={m}", provider.provider(), month)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(Objects.requireNonNull(body));
    }

    private void close(Deliveries provider, YearMonth month) {
        step(ownProvider(provider), provider, month, "submission", null);
        step(officer(), provider, month, "approval", null);
    }

    /** Pays on the day it is paid: a day fixed earlier would fall before the approval if midnight came between. */
    private LocalDate pay(Deliveries provider, YearMonth month, String reference) {
        LocalDate paidOn = LocalDate.now(PlatformAutoConfiguration.SEOUL);
        step(officer(), provider, month, "payment", Map.of("reference", reference, "paidOn", paidOn.toString()));
        return paidOn;
    }

    private void step(
            TestTokens.Token caller, Deliveries provider, YearMonth month, String step, @Nullable Object body) {
        var request = as(caller).post().uri("/api/v1/settlements/{p}/{m}/{step}", provider.provider(), month, step);
        (body == null
                        ? request
                        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void awaitCharges(Deliveries provider, int expected) {
        eventually()
                .until(() -> count("select count(*) from charge where provider_id = '" + provider.provider() + "'")
                        == expected);
    }

    private static TestTokens.Token officer() {
        return TestTokens.billingOfficer("mapo");
    }

    private static TestTokens.Token ownProvider(Deliveries provider) {
        return ownProviderToken(provider.provider());
    }

    private static TestTokens.Token ownProviderToken(String provider) {
        return TestTokens.provider("mapo", provider);
    }

    // --- reading the files back

    private static List<Row> xlsx(EntityExchangeResult<byte[]> download) throws IOException {
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(Objects.requireNonNull(download.getResponseBody())))) {
            return workbook.getFirstSheet().read();
        }
    }

    private static List<String> texts(Row row) {
        return row.stream().map(cell -> cell.getText()).toList();
    }

    private static Row row(List<Row> rows, String first) {
        Optional<Row> found = rows.stream()
                .filter(row -> row.getCellCount() > 0 && first.equals(row.getCellText(0)))
                .reduce((earlier, later) -> later);
        assertThat(found).as("a row %s", first).isPresent();
        return found.get();
    }

    private static CSVRecord record(List<CSVRecord> records, String first) {
        Optional<CSVRecord> found =
                records.stream().filter(record -> first.equals(record.get(0))).reduce((earlier, later) -> later);
        assertThat(found).as("a row %s", first).isPresent();
        return found.get();
    }
}
