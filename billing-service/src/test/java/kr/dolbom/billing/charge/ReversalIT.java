package kr.dolbom.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;

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
import kr.dolbom.events.ChargeReversed;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.SettlementApproved;
import kr.dolbom.events.VoidReason;
import kr.dolbom.testsupport.TestTokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A voided delivery's charge is reversed once: in its own month while that is a draft, else in the provider's next
 * open month; the books still add up line by line, the statement still reads, the budget's spending and the annual
 * cap go back down, and a void heard before its delivery keeps the delivery from being charged. Each test has a
 * district of its own.
 */
class ReversalIT extends BillingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LocalDate today = LocalDate.now(kr.dolbom.platform.PlatformAutoConfiguration.SEOUL);
    private static final YearMonth SEPTEMBER = YearMonth.of(2024, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2024, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2024, 11);

    private final String district = "reversal-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aVoidInADraftMonthReversesTheChargeThereOnceAndGivesTheBudgetAndTheCapBack() throws IOException {
        Deliveries provider = new Deliveries().inDistrict(district);
        EventEnvelope voidedVisit = provider.homeCareVisit(SEPTEMBER.atDay(3), 120);
        DeliveryCharged charge = charge(provider, voidedVisit);
        charge(provider, provider.homeCareVisit(SEPTEMBER.atDay(10), 60));
        assertThat(ledgerMinutes(provider)).isEqualTo(180);

        EventEnvelope voided = provider.voided(voidedVisit, VoidReason.DUPLICATE_REPORT, today);
        KAFKA.publish(voided);
        ChargeReversed reversal = reversalOf(provider, charge);

        assertThat(reversal.amount()).as("taken back, as positive won").isEqualTo(38_340);
        assertThat(reversal.publicShare()).isEqualTo(38_340);
        assertThat(reversal.coPayment()).isZero();
        assertThat(reversal.settlementMonth())
                .as("its own month, still a draft")
                .isEqualTo(SEPTEMBER);
        assertThat(reversal.reason()).isEqualTo(VoidReason.DUPLICATE_REPORT);
        assertThat(reversal.reversedOn()).isEqualTo(today);

        // the same void again, and the window's second void of the same delivery: still one reversal
        KAFKA.publish(voided);
        KAFKA.publish(provider.voided(voidedVisit, VoidReason.NOT_DELIVERED, today));
        KAFKA.awaitHandled(CareTopics.DELIVERIES, "billing-service", provider.careOrder());
        assertThat(count("select count(*) from charge where reverses = '" + charge.chargeId() + "'"))
                .isEqualTo(1);
        assertThat(KAFKA.events(CareTopics.CHARGES, provider.careOrder(), ChargeReversed.class))
                .hasSize(1);

        JsonNode september = settlement(provider, SEPTEMBER);
        assertThat(september.path("amount").asLong()).isEqualTo(22_640);
        assertThat(september.path("lines").asLong()).isEqualTo(3);
        assertThat(september.path("reversals").path("amount").asLong()).isEqualTo(-38_340);
        assertThat(september
                        .path("reversals")
                        .path("items")
                        .path(0)
                        .path("reverses")
                        .asString())
                .isEqualTo(charge.chargeId().toString());
        assertThat(september.path("adjustments").path("lines").asLong()).isZero();
        JsonNode shown = officer()
                .get()
                .uri("/api/v1/charges/by-delivery/{id}", charge.deliveryId())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(shown.path("chargeId").asString())
                .isEqualTo(charge.chargeId().toString());
        assertThat(shown.path("reversal").path("chargeId").asString())
                .isEqualTo(reversal.chargeId().toString());
        assertThat(shown.path("reversal").path("amount").asLong()).isEqualTo(-38_340);

        assertThat(ledgerMinutes(provider))
                .as("the voided visit's 120 minutes back to the cap")
                .isEqualTo(60);
        assertThat(count("select amount from program_spend where district = '" + district
                        + "' and year = 2024 and service_type = 'TEMPORARY_HOME_CARE'"))
                .isEqualTo(22_640);
        assertThat(count("select charges from program_spend where district = '" + district
                        + "' and year = 2024 and service_type = 'TEMPORARY_HOME_CARE'"))
                .isEqualTo(1);

        close(provider, SEPTEMBER);
        assertThat(approval(provider, SEPTEMBER).amount()).isEqualTo(22_640);
        assertLinesAddUpToEverySettlement(provider);
        List<CSVRecord> csv = statement(provider, SEPTEMBER);
        CSVRecord reversed =
                csv.stream().filter(row -> row.get(0).equals("취소")).findFirst().orElseThrow();
        assertThat(reversed.get(1)).isEqualTo(reversal.chargeId().toString());
        assertThat(List.of(reversed.get(6), reversed.get(7), reversed.get(8)))
                .as("quantity × unit price = amount")
                .containsExactly("-1", "38340", "-38340");
        assertThat(row(csv, "취소").get(8)).isEqualTo("-38340");
        assertThat(row(csv, "합계").get(8)).isEqualTo("22640");
    }

    @Test
    void aVoidOfAnApprovedMonthsChargeIsReversedInTheNextOpenMonthAndTheClosedMonthIsUntouched() throws IOException {
        Deliveries provider = new Deliveries().inDistrict(district);
        EventEnvelope voidedVisit = provider.homeCareVisit(OCTOBER.atDay(7), 120);
        DeliveryCharged charge = charge(provider, voidedVisit);
        close(provider, OCTOBER);
        charge(provider, provider.homeCareVisit(NOVEMBER.atDay(4), 240));

        KAFKA.publish(provider.voided(voidedVisit, VoidReason.NOT_DELIVERED, today));
        ChargeReversed reversal = reversalOf(provider, charge);

        assertThat(reversal.settlementMonth()).as("October is approved").isEqualTo(NOVEMBER);
        JsonNode october = settlement(provider, OCTOBER);
        assertThat(october.path("state").asString()).isEqualTo("APPROVED");
        assertThat(october.path("amount").asLong()).isEqualTo(38_340);
        assertThat(october.path("reversals").path("lines").asLong()).isZero();
        JsonNode november = settlement(provider, NOVEMBER);
        assertThat(november.path("amount").asLong()).isEqualTo(56_320 - 38_340);
        assertThat(november.path("reversals")
                        .path("items")
                        .path(0)
                        .path("serviceDate")
                        .asString())
                .isEqualTo("2024-10-07");

        close(provider, NOVEMBER);
        SettlementApproved approved = approval(provider, NOVEMBER);
        assertThat(approved.amount()).isEqualTo(17_980);
        assertThat(approved.lines()).isEqualTo(2);
        assertThat(approved.adjustmentLines())
                .as("a reversal is no late charge")
                .isZero();
        assertLinesAddUpToEverySettlement(provider);
        List<CSVRecord> csv = statement(provider, NOVEMBER);
        assertThat(csv.stream()
                        .filter(r -> r.get(0).equals("취소") && !r.get(2).isEmpty())
                        .map(r -> r.get(3)))
                .as("the one reversal line, on its charge's day")
                .containsExactly("2024-10-07");
        assertThat(row(csv, "합계").get(8)).isEqualTo("17980");
        assertThat(row(csv, "취소").get(1)).isEqualTo("1");
    }

    @Test
    void aVoidHeardBeforeItsDeliveryKeepsTheDeliveryFromBeingCharged() {
        Deliveries provider = new Deliveries().inDistrict(district);
        EventEnvelope visit = provider.homeCareVisit(SEPTEMBER.atDay(20), 60);
        UUID delivery = ((ServiceDelivered) visit.data()).deliveryId();

        KAFKA.publish(provider.voided(visit, VoidReason.WRONG_DETAILS, today));
        KAFKA.awaitHandled(CareTopics.DELIVERIES, "billing-service", provider.careOrder());
        assertThat(count("select count(*) from delivery_void where delivery_id = '" + delivery + "'"))
                .isEqualTo(1);
        KAFKA.publish(visit);
        KAFKA.awaitHandled(CareTopics.DELIVERIES, "billing-service", provider.careOrder());

        assertThat(count("select count(*) from charge where delivery_id = '" + delivery + "'"))
                .isZero();
        assertThat(KAFKA.events(CareTopics.CHARGES, provider.careOrder(), DeliveryCharged.class))
                .isEmpty();
        assertThat(ledgerMinutes(provider)).isZero();
    }

    /** Σ lines = total, for every settlement of the provider, read straight from the database. */
    private void assertLinesAddUpToEverySettlement(Deliveries provider) {
        assertThat(count("""
                        select count(*) from settlement s,
                        lateral (select count(*) as lines, coalesce(sum(c.amount), 0) as amount,
                                        coalesce(sum(c.public_share), 0) as public_share,
                                        coalesce(sum(c.co_payment), 0) as co_payment,
                                        count(c.reverses) as reversal_lines,
                                        coalesce(sum(c.amount) filter (where c.reverses is not null), 0)
                                            as reversal_amount
                                 from charge c
                                 where c.district = s.district and c.provider_id = s.provider_id
                                   and c.settlement_month = s.month) sums
                        where s.provider_id = '%s'
                          and (s.lines, s.amount, s.public_share, s.co_payment, s.reversal_lines, s.reversal_amount)
                              is distinct from
                              (sums.lines, sums.amount, sums.public_share, sums.co_payment, sums.reversal_lines,
                               sums.reversal_amount)""".formatted(provider.provider())))
                .as("settlements whose totals are not the sums of their lines")
                .isZero();
    }

    private DeliveryCharged charge(Deliveries deliveries, EventEnvelope delivery) {
        UUID deliveryId = ((ServiceDelivered) delivery.data()).deliveryId();
        KAFKA.publish(delivery);
        return eventually()
                .until(
                        () -> KAFKA.events(CareTopics.CHARGES, deliveries.careOrder(), DeliveryCharged.class).stream()
                                .filter(charged -> charged.deliveryId().equals(deliveryId))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private ChargeReversed reversalOf(Deliveries deliveries, DeliveryCharged charge) {
        return eventually()
                .until(
                        () -> KAFKA.events(CareTopics.CHARGES, deliveries.careOrder(), ChargeReversed.class).stream()
                                .filter(reversed -> reversed.originalChargeId().equals(charge.chargeId()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private SettlementApproved approval(Deliveries provider, YearMonth month) {
        return eventually()
                .until(
                        () ->
                                KAFKA
                                        .events(
                                                CareTopics.CHARGES,
                                                settlementId(provider, month),
                                                SettlementApproved.class)
                                        .stream()
                                        .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    private UUID settlementId(Deliveries provider, YearMonth month) {
        return UUID.fromString(settlement(provider, month).path("settlementId").asString());
    }

    private long ledgerMinutes(Deliveries provider) {
        return count("select coalesce(sum(minutes), 0)::bigint from care_hours_ledger where resident_ref = '"
                + provider.resident() + "'");
    }

    private void close(Deliveries provider, YearMonth month) {
        as(TestTokens.provider(district, provider.provider()))
                .post()
                .uri("/api/v1/settlements/{p}/{m}/submission", provider.provider(), month)
                .exchange()
                .expectStatus()
                .isOk();
        officer()
                .post()
                .uri("/api/v1/settlements/{p}/{m}/approval", provider.provider(), month)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private JsonNode settlement(Deliveries provider, YearMonth month) {
        return JSON.readTree(officer()
                .get()
                .uri("/api/v1/settlements?provider={p}&month={m}", provider.provider(), month)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    private List<CSVRecord> statement(Deliveries provider, YearMonth month) throws IOException {
        byte[] body = Objects.requireNonNull(officer()
                .get()
                .uri("/api/v1/settlements/{p}/{m}/statement.csv", provider.provider(), month)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        return CSVFormat.EXCEL
                .parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))
                .getRecords();
    }

    /** The totals row of the label: the last row that starts with it. */
    private static CSVRecord row(List<CSVRecord> csv, String label) {
        CSVRecord found = null;
        for (CSVRecord record : csv) {
            if (record.get(0).equals(label)) {
                found = record;
            }
        }
        return Objects.requireNonNull(found, label);
    }

    private org.springframework.test.web.reactive.server.WebTestClient officer() {
        return as(TestTokens.billingOfficer(district));
    }
}
