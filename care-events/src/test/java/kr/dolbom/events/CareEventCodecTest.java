package kr.dolbom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CareEventCodecTest {

    private final CareEventCodec codec = new CareEventCodec();
    private final EventEnvelope envelope = EventEnvelope.of(
            SampleEvents.of(CareEventType.ORDER_REJECTED),
            "/dolbom/intake-service",
            Instant.parse("2026-11-02T01:02:03Z"));

    @Test
    void readsWhatItWrote() {
        Map<String, String> headers = CloudEventHeaders.of(envelope);

        EventEnvelope read = codec.read(headers::get, codec.encode(envelope.data()));

        assertThat(read).isEqualTo(envelope);
        assertThat(headers)
                .containsEntry("ce_subject", SampleEvents.ORDER.toString())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "kr.dolbom.care.order.rejected.v1");
    }

    @Test
    void ignoresFieldsItDoesNotKnowSoProducersCanAddThem() {
        String withExtraField = new String(codec.encode(envelope.data()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\":42,");

        EventEnvelope read =
                codec.read(CloudEventHeaders.of(envelope)::get, withExtraField.getBytes(StandardCharsets.UTF_8));

        assertThat(read.data()).isEqualTo(envelope.data());
    }

    @Test
    void refusesARecordWithoutItsType() {
        Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(envelope));
        headers.remove(CloudEventHeaders.TYPE);

        assertThatThrownBy(() -> codec.read(headers::get, codec.encode(envelope.data())))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void refusesAnUnknownTypeAndBrokenJson() {
        Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(envelope));
        headers.put(CloudEventHeaders.TYPE, "kr.dolbom.care.order.teleported.v1");
        assertThatThrownBy(() -> codec.read(headers::get, codec.encode(envelope.data())))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown event type");

        assertThatThrownBy(() -> codec.read(
                        CloudEventHeaders.of(envelope)::get, "{\"careOrderId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unreadable");
    }

    @Test
    void refusesAnEventWithoutItsCareOrder() {
        assertThatThrownBy(() -> codec.read(
                        CloudEventHeaders.of(envelope)::get,
                        "{\"reason\":\"NOT_IN_TARGET_GROUP\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("careOrderId");
    }

    @Test
    void refusesAnEventThatBreaksItsOwnInvariants() {
        String split = new String(codec.encode(SampleEvents.of(CareEventType.DELIVERY_CHARGED)), StandardCharsets.UTF_8)
                .replaceFirst("\"publicShare\":\\d+", "\"publicShare\":-1");

        assertThatThrownBy(() -> codec.decode(CareEventType.DELIVERY_CHARGED, split.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("publicShare");
    }

    @Test
    void readsAChargeAnnouncedBeforeItsSettlementMonthExisted() {
        DeliveryCharged sample = (DeliveryCharged) SampleEvents.of(CareEventType.DELIVERY_CHARGED);
        String withoutMonth = new String(codec.encode(sample), StandardCharsets.UTF_8)
                .replaceFirst(",\\s*\"settlementMonth\"\\s*:\\s*\"[^\"]+\"", "");
        assertThat(withoutMonth).doesNotContain("settlementMonth");

        DeliveryCharged read = (DeliveryCharged)
                codec.decode(CareEventType.DELIVERY_CHARGED, withoutMonth.getBytes(StandardCharsets.UTF_8));

        assertThat(read.settlementMonth()).isNull();
        assertThat(read.amount()).isEqualTo(sample.amount());
        assertThat(new String(codec.encode(read), StandardCharsets.UTF_8)).doesNotContain("settlementMonth");
    }

    @Test
    void aPaidAbsenceCarriesItsOutcomeAndAServiceGivenOmitsIt() {
        ServiceDelivered given = (ServiceDelivered) SampleEvents.of(CareEventType.SERVICE_DELIVERED);
        ServiceDelivered spelledOut = withOutcome(given, DeliveryOutcome.DELIVERED, given.endTime());
        assertThat(spelledOut).isEqualTo(given);
        assertThat(new String(codec.encode(spelledOut), StandardCharsets.UTF_8)).doesNotContain("outcome");

        // a ten-minute attempt at the door: too short for a visit, the length of an absence
        ServiceDelivered absent = withOutcome(
                given, DeliveryOutcome.RESIDENT_ABSENT, given.startTime().plusMinutes(10));
        byte[] written = codec.encode(absent);
        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"outcome\":\"RESIDENT_ABSENT\"");
        assertThat(codec.decode(CareEventType.SERVICE_DELIVERED, written)).isEqualTo(absent);
        assertThatThrownBy(() -> withOutcome(given, null, given.startTime().plusMinutes(10)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("at least 30 minutes");
    }

    private static ServiceDelivered withOutcome(
            ServiceDelivered event, DeliveryOutcome outcome, java.time.LocalTime end) {
        return new ServiceDelivered(
                event.deliveryId(),
                event.careOrderId(),
                event.lineId(),
                event.serviceType(),
                event.providerId(),
                event.residentRef(),
                event.district(),
                event.incomeTier(),
                event.serviceDate(),
                event.startTime(),
                end,
                event.units(),
                outcome);
    }

    @Test
    void refusesAChargeSettledInAMonthBeforeItsDelivery() {
        String early = new String(codec.encode(SampleEvents.of(CareEventType.DELIVERY_CHARGED)), StandardCharsets.UTF_8)
                .replace("\"settlementMonth\":\"2026-11\"", "\"settlementMonth\":\"2026-10\"");

        assertThatThrownBy(() -> codec.decode(CareEventType.DELIVERY_CHARGED, early.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("settlementMonth");
    }

    @Test
    void aSettlementsEventsAreKeyedByTheSettlementNotByAnOrder() {
        EventEnvelope approved = EventEnvelope.of(
                SampleEvents.of(CareEventType.SETTLEMENT_APPROVED),
                "/dolbom/billing-service",
                Instant.parse("2026-12-04T01:02:03Z"));

        assertThat(approved.data().careOrderId()).isNull();
        assertThat(approved.subject()).isEqualTo(SampleEvents.SETTLEMENT.toString());
        assertThat(CloudEventHeaders.of(approved)).containsEntry("ce_subject", SampleEvents.SETTLEMENT.toString());
        assertThat(codec.read(CloudEventHeaders.of(approved)::get, codec.encode(approved.data())))
                .isEqualTo(approved);
        assertThat(new String(codec.encode(approved.data()), StandardCharsets.UTF_8))
                .doesNotContain("careOrderId")
                .doesNotContain("subject");
    }

    @Test
    void refusesASettlementThatDoesNotAddUpOrIsApprovedBeforeItsMonthIsOver() {
        String split = new String(
                        codec.encode(SampleEvents.of(CareEventType.SETTLEMENT_APPROVED)), StandardCharsets.UTF_8)
                .replaceFirst("\"coPayment\":\\d+", "\"coPayment\":1");
        assertThatThrownBy(
                        () -> codec.decode(CareEventType.SETTLEMENT_APPROVED, split.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("is not the amount");

        String early = new String(
                        codec.encode(SampleEvents.of(CareEventType.SETTLEMENT_APPROVED)), StandardCharsets.UTF_8)
                .replace("\"approvedOn\":\"2026-12-04\"", "\"approvedOn\":\"2026-11-30\"");
        assertThatThrownBy(
                        () -> codec.decode(CareEventType.SETTLEMENT_APPROVED, early.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("approvedOn");

        String blank = new String(codec.encode(SampleEvents.of(CareEventType.SETTLEMENT_PAID)), StandardCharsets.UTF_8)
                .replaceFirst("\"reference\":\"[^\"]+\"", "\"reference\":\" \"");
        assertThatThrownBy(() -> codec.decode(CareEventType.SETTLEMENT_PAID, blank.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("reference");
    }

    @Test
    void refusesABudgetWarningBelowItsThresholdAndKeysItByTheBudget() {
        BudgetThresholdReached sample =
                (BudgetThresholdReached) SampleEvents.of(CareEventType.BUDGET_THRESHOLD_REACHED);
        assertThat(sample.subject()).isEqualTo(SampleEvents.BUDGET.toString());

        // 80 % of 120,000,000 is 96,000,000: one won less has not reached it
        String below = new String(codec.encode(sample), StandardCharsets.UTF_8)
                .replaceFirst("\"spent\":\\d+", "\"spent\":95999999");
        assertThatThrownBy(() ->
                        codec.decode(CareEventType.BUDGET_THRESHOLD_REACHED, below.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("is not 80 % of the budget");
        String exactly = below.replace("95999999", "96000000");
        assertThat(((BudgetThresholdReached) codec.decode(
                                CareEventType.BUDGET_THRESHOLD_REACHED, exactly.getBytes(StandardCharsets.UTF_8)))
                        .spent())
                .isEqualTo(96_000_000);

        String noBudget = new String(codec.encode(sample), StandardCharsets.UTF_8)
                .replaceFirst("\"budget\":\\d+", "\"budget\":0");
        assertThatThrownBy(() ->
                        codec.decode(CareEventType.BUDGET_THRESHOLD_REACHED, noBudget.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("budget");
    }

    @Test
    void aSettlementMonthIsWrittenAsYearAndMonth() {
        DeliveryCharged sample = (DeliveryCharged) SampleEvents.of(CareEventType.DELIVERY_CHARGED);

        assertThat(sample.settlementMonth()).isEqualTo(YearMonth.of(2026, 11));
        assertThat(new String(codec.encode(sample), StandardCharsets.UTF_8))
                .contains("\"settlementMonth\":\"2026-11\"");
    }
}
