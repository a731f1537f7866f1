package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.SettlementApproved;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Held deliveries (검증 보류) in billing: listed apart in their month's statement and in no total, they keep the
 * provider's month and every later one from approval (409 naming them, nothing changed) until the window releases
 * them (then charged, as any delivery) or rejects them (never charged); heard in any order, or twice, they leave no
 * hold open that the window resolved. Each test has a district of its own.
 */
class HeldDeliveriesIT extends BillingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);
    private static final YearMonth NOW = YearMonth.now(PlatformAutoConfiguration.SEOUL);
    private static final YearMonth SEPTEMBER = YearMonth.of(2024, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2024, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2024, 11);

    private final String district = "holds-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aHeldDeliveryBlocksTheApprovalOfItsMonthAndLaterOnesUntilItIsReleasedAndCharged() throws IOException {
        Deliveries provider = new Deliveries().inDistrict(district);
        charge(provider, provider.homeCareVisit(SEPTEMBER.atDay(3), 120));
        charge(provider, provider.homeCareVisit(OCTOBER.atDay(8), 60));
        EventEnvelope heldVisit = provider.homeCareVisit(SEPTEMBER.atDay(10), 240);
        UUID held = deliveryId(heldVisit);
        KAFKA.publish(provider.held(heldVisit, DeliveryHoldReason.WORKER_OVERLAP, SEPTEMBER.atDay(11)));
        awaitOpenHolds(provider, 1);

        // the statement lists it apart, in no total
        JsonNode september = read(provider, SEPTEMBER).body();
        assertThat(september.path("amount").asLong()).isEqualTo(38_340);
        assertThat(september.path("lines").asLong()).isEqualTo(1);
        assertThat(september.path("held").path("count").asLong()).isEqualTo(1);
        JsonNode item = september.path("held").path("items").path(0);
        assertThat(item.path("deliveryId").asString()).isEqualTo(held.toString());
        assertThat(item.path("serviceType").asString()).isEqualTo("TEMPORARY_HOME_CARE");
        assertThat(item.path("serviceDate").asString()).isEqualTo("2024-09-10");
        assertThat(item.path("reason").asString()).isEqualTo("WORKER_OVERLAP");
        assertThat(item.path("heldOn").asString()).isEqualTo("2024-09-11");
        assertThat(read(provider, OCTOBER).body().path("held").path("count").asLong())
                .as("a hold is its own month's")
                .isZero();
        List<CSVRecord> csv = csv(provider, SEPTEMBER);
        CSVRecord heldRow = record(csv, "보류");
        assertThat(List.of(heldRow.get(2), heldRow.get(3), heldRow.get(4), heldRow.get(5), heldRow.get(6)))
                .containsExactly(held.toString(), "2024-09-10", "일시재가", "동시 방문", "2024-09-11");
        assertThat(heldRow.get(1)).as("no charge, so no 청구번호").isEmpty();
        assertThat(record(csv, "보류 건수").get(1)).isEqualTo("1");
        assertThat(record(csv, "합계").get(8)).isEqualTo("38340");
        assertThat(csv.stream()
                        .filter(row -> row.get(0).equals("청구") && !row.get(2).isEmpty()))
                .as("one line: the held delivery is none")
                .hasSize(1);
        List<Row> xlsx = xlsx(provider, SEPTEMBER);
        Row heldCells = xlsx.stream()
                .filter(row -> row.getCellCount() > 0 && "보류".equals(row.getCellText(0)))
                .findFirst()
                .orElseThrow();
        assertThat(heldCells.getCellText(2)).isEqualTo(held.toString());
        assertThat(heldCells.getCellText(5)).isEqualTo("동시 방문");

        // the provider submits what is charged; the officer may not approve September, nor October after it
        assertThat(post(ownProvider(provider), provider, SEPTEMBER, "submission")
                        .status())
                .isEqualTo(200);
        assertThat(post(ownProvider(provider), provider, OCTOBER, "submission").status())
                .isEqualTo(200);
        Answer before = read(provider, SEPTEMBER);
        Answer refused = post(officer(), provider, SEPTEMBER, "approval");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.body().path("openHolds").path("count").asInt()).isEqualTo(1);
        assertThat(refused.body().path("openHolds").path("deliveryIds").path(0).asString())
                .isEqualTo(held.toString());
        assertThat(refused.body().path("detail").asString()).contains("2024-09-10");
        Answer october = post(officer(), provider, OCTOBER, "approval");
        assertThat(october.status()).as("a September hold keeps October too").isEqualTo(409);
        assertThat(october.body().path("openHolds").path("deliveryIds").path(0).asString())
                .isEqualTo(held.toString());

        Answer after = read(provider, SEPTEMBER);
        assertThat(after.etag()).as("nothing changed").isEqualTo(before.etag());
        assertThat(after.body().path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(after.body().path("history").size()).isEqualTo(2);
        assertThat(count("select count(*) from outbox_event where message_key in ('" + settlementId(provider, SEPTEMBER)
                        + "', '" + settlementId(provider, OCTOBER) + "')"))
                .as("nothing announced")
                .isZero();

        // released: charged as a late charge (September takes no more lines), and both months are approved
        KAFKA.publish(heldVisit);
        DeliveryCharged released = chargeOf(provider, held);
        assertThat(released.amount()).isEqualTo(56_320);
        assertThat(released.settlementMonth())
                .as("September and October are submitted: an adjustment of the current month")
                .isEqualTo(NOW);
        awaitOpenHolds(provider, 0);
        assertThat(count("select count(*) from held_delivery where delivery_id = '" + held
                        + "' and resolution = 'RELEASED' and resolved_on = '" + today + "'"))
                .isEqualTo(1);
        assertThat(read(provider, SEPTEMBER).body().path("held").path("count").asLong())
                .isZero();
        assertThat(record(csv(provider, SEPTEMBER), "보류 건수").get(1)).isEqualTo("0");

        assertThat(post(officer(), provider, SEPTEMBER, "approval").status()).isEqualTo(200);
        assertThat(post(officer(), provider, OCTOBER, "approval").status()).isEqualTo(200);
        assertThat(approval(provider, SEPTEMBER).amount()).isEqualTo(38_340);
        JsonNode now = read(provider, NOW).body();
        assertThat(now.path("adjustments")
                        .path("items")
                        .path(0)
                        .path("deliveryId")
                        .asString())
                .isEqualTo(held.toString());
    }

    @Test
    void aRejectedHoldNoLongerBlocksTheMonthAndIsNeverCharged() {
        Deliveries provider = new Deliveries().inDistrict(district);
        EventEnvelope heldVisit = provider.homeCareVisit(NOVEMBER.atDay(5), 60);
        UUID held = deliveryId(heldVisit);
        KAFKA.publish(provider.held(heldVisit, DeliveryHoldReason.NOT_PLANNED, NOVEMBER.atDay(5)));
        awaitOpenHolds(provider, 1);

        Answer onlyHeld = read(provider, NOVEMBER);
        assertThat(onlyHeld.status())
                .as("a provider billing knows by a hold alone")
                .isEqualTo(200);
        assertThat(onlyHeld.body().path("settlementId").isNull()).isTrue();
        assertThat(onlyHeld.body()
                        .path("held")
                        .path("items")
                        .path(0)
                        .path("deliveryId")
                        .asString())
                .isEqualTo(held.toString());

        charge(provider, provider.homeCareVisit(NOVEMBER.atDay(12), 60));
        assertThat(post(ownProvider(provider), provider, NOVEMBER, "submission").status())
                .isEqualTo(200);
        assertThat(post(officer(), provider, NOVEMBER, "approval").status()).isEqualTo(409);

        KAFKA.publish(provider.rejected(heldVisit, DeliveryHoldReason.NOT_PLANNED, today));
        eventually()
                .until(() -> count("select count(*) from held_delivery where delivery_id = '" + held
                                + "' and resolution = 'REJECTED' and resolved_on = '" + today + "'")
                        == 1);
        assertThat(post(officer(), provider, NOVEMBER, "approval").status()).isEqualTo(200);
        assertThat(approval(provider, NOVEMBER).amount()).isEqualTo(22_640);

        KAFKA.awaitHandled(CareTopics.DELIVERIES, "billing-service", provider.careOrder());
        assertThat(count("select count(*) from charge where delivery_id = '" + held + "'"))
                .as("never charged")
                .isZero();
        assertThat(KAFKA.events(CareTopics.CHARGES, provider.careOrder(), DeliveryCharged.class))
                .extracting(DeliveryCharged::deliveryId)
                .doesNotContain(held);
        assertThat(read(provider, NOVEMBER).body().path("held").path("count").asLong())
                .isZero();
    }

    @Test
    void aRejectionHeardBeforeItsHoldAndEachHeardTwiceLeaveNoOpenHold() {
        Deliveries provider = new Deliveries().inDistrict(district);
        charge(provider, provider.homeCareVisit(SEPTEMBER.atDay(2), 60));
        EventEnvelope heldVisit = provider.homeCareVisit(SEPTEMBER.atDay(16), 60);
        UUID held = deliveryId(heldVisit);
        EventEnvelope rejection = provider.rejected(heldVisit, DeliveryHoldReason.LATE_REPORT, today);
        EventEnvelope hold = provider.held(heldVisit, DeliveryHoldReason.LATE_REPORT, today);

        // the rejection first, redelivered, then the hold, redelivered and announced again under a new event id
        KAFKA.publish(rejection);
        KAFKA.publish(rejection);
        KAFKA.publish(hold);
        KAFKA.publish(hold);
        KAFKA.publish(provider.held(heldVisit, DeliveryHoldReason.LATE_REPORT, today));
        KAFKA.awaitHandled(CareTopics.DELIVERIES, "billing-service", provider.careOrder());

        assertThat(count("select count(*) from held_delivery where delivery_id = '" + held + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from held_delivery where delivery_id = '" + held
                        + "' and resolution = 'REJECTED' and held_on = '" + today + "'"))
                .as("resolved, and the day of the hold filled in")
                .isEqualTo(1);
        assertThat(openHolds(provider)).isZero();
        assertThat(read(provider, SEPTEMBER).body().path("held").path("count").asLong())
                .isZero();
        assertThat(post(ownProvider(provider), provider, SEPTEMBER, "submission")
                        .status())
                .isEqualTo(200);
        assertThat(post(officer(), provider, SEPTEMBER, "approval").status()).isEqualTo(200);
        assertThat(count("select count(*) from charge where delivery_id = '" + held + "'"))
                .isZero();
    }

    @Test
    void aHoldHeardAfterItsReleaseIsNotOpen() {
        Deliveries provider = new Deliveries().inDistrict(district);
        EventEnvelope releasedVisit = provider.homeCareVisit(OCTOBER.atDay(21), 60);
        UUID released = deliveryId(releasedVisit);
        charge(provider, releasedVisit);

        KAFKA.publish(provider.held(releasedVisit, DeliveryHoldReason.OVERLONG_VISIT, OCTOBER.atDay(21)));
        KAFKA.awaitHandled(CareTopics.DELIVERIES, "billing-service", provider.careOrder());

        assertThat(count("select count(*) from held_delivery where delivery_id = '" + released
                        + "' and resolution = 'RELEASED'"))
                .isEqualTo(1);
        assertThat(openHolds(provider)).isZero();
        assertThat(post(ownProvider(provider), provider, OCTOBER, "submission").status())
                .isEqualTo(200);
        assertThat(post(officer(), provider, OCTOBER, "approval").status()).isEqualTo(200);
        assertThat(approval(provider, OCTOBER).lines()).isEqualTo(1);
    }

    // --- the calls

    private record Answer(
            int status, @Nullable String etag, @Nullable MediaType contentType, JsonNode body) {}

    private Answer read(Deliveries provider, YearMonth month) {
        return answer(as(officer())
                .get()
                .uri("/api/v1/settlements?provider={p}&month={m}", provider.provider(), month)
                .exchange()
                .expectBody()
                .returnResult());
    }

    private Answer post(TestTokens.Token caller, Deliveries provider, YearMonth month, String step) {
        return answer(as(caller)
                .post()
                .uri("/api/v1/settlements/{p}/{m}/{step}", provider.provider(), month, step)
                .exchange()
                .expectBody()
                .returnResult());
    }

    private static Answer answer(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBody();
        String text = body == null ? "{}" : new String(body, StandardCharsets.UTF_8);
        return new Answer(
                result.getStatus().value(),
                result.getResponseHeaders().getETag(),
                result.getResponseHeaders().getContentType(),
                JSON.readTree(text.isBlank() ? "{}" : text));
    }

    private byte[] statement(Deliveries provider, YearMonth month, String format) {
        return Objects.requireNonNull(as(officer())
                .get()
                .uri("/api/v1/settlements/{p}/{m}/statement.{f}", provider.provider(), month, format)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private List<CSVRecord> csv(Deliveries provider, YearMonth month) throws IOException {
        byte[] body = statement(provider, month, "csv");
        return CSVFormat.EXCEL
                .parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))
                .getRecords();
    }

    private List<Row> xlsx(Deliveries provider, YearMonth month) throws IOException {
        try (ReadableWorkbook workbook =
                new ReadableWorkbook(new ByteArrayInputStream(statement(provider, month, "xlsx")))) {
            return workbook.getFirstSheet().read();
        }
    }

    /** The last row that starts with the label. */
    private static CSVRecord record(List<CSVRecord> csv, String label) {
        Optional<CSVRecord> found =
                csv.stream().filter(row -> label.equals(row.get(0))).reduce((earlier, later) -> later);
        assertThat(found).as("a row %s", label).isPresent();
        return found.get();
    }

    private TestTokens.Token officer() {
        return TestTokens.billingOfficer(district);
    }

    private TestTokens.Token ownProvider(Deliveries provider) {
        return TestTokens.provider(district, provider.provider());
    }

    // --- the events and the books

    private static UUID deliveryId(EventEnvelope delivery) {
        return ((ServiceDelivered) delivery.data()).deliveryId();
    }

    private DeliveryCharged charge(Deliveries provider, EventEnvelope delivery) {
        KAFKA.publish(delivery);
        return chargeOf(provider, deliveryId(delivery));
    }

    private DeliveryCharged chargeOf(Deliveries provider, UUID deliveryId) {
        return eventually()
                .until(
                        () -> KAFKA.events(CareTopics.CHARGES, provider.careOrder(), DeliveryCharged.class).stream()
                                .filter(charged -> charged.deliveryId().equals(deliveryId))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private SettlementApproved approval(Deliveries provider, YearMonth month) {
        UUID settlement = settlementId(provider, month);
        return eventually()
                .until(
                        () -> KAFKA.events(CareTopics.CHARGES, settlement, SettlementApproved.class).stream()
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private UUID settlementId(Deliveries provider, YearMonth month) {
        return UUID.fromString(read(provider, month).body().path("settlementId").asString());
    }

    private long openHolds(Deliveries provider) {
        return count("select count(*) from held_delivery where provider_id = '" + provider.provider()
                + "' and resolution is null");
    }

    private void awaitOpenHolds(Deliveries provider, long expected) {
        eventually().until(() -> openHolds(provider) == expected);
    }
}
