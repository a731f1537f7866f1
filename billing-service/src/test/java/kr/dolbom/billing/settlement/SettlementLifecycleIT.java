package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.events.SettlementApproved;
import kr.dolbom.events.SettlementPaid;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider's month through the API: submitted by the provider, approved and paid by the billing officer, with
 * ETags; refusals that name the state or the field and change nothing; and late deliveries of a closed month, which
 * become adjustments of a later month while the closed one keeps its total.
 */
class SettlementLifecycleIT extends BillingIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YearMonth NOW = YearMonth.now(PlatformAutoConfiguration.SEOUL);
    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);

    @Test
    void aMonthIsSubmittedApprovedAndPaidWithETagsAndItsClosingAndPaymentAreAnnounced() {
        Deliveries provider = new Deliveries();
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 3, 3), 150));
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 3, 31), 240));
        KAFKA.publish(provider.units(ServiceType.MEAL_SUPPORT, LocalDate.of(2025, 3, 10), 10));
        awaitCharges(provider, 3);
        YearMonth march = YearMonth.of(2025, 3);

        Answer draft = read(provider, march);
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.body().path("state").asString()).isEqualTo("DRAFT");
        assertThat(draft.body().path("lines").asLong()).isEqualTo(3);
        assertThat(draft.body().path("amount").asLong()).isEqualTo(38_340 + 56_320 + 50_000);
        UUID settlement = UUID.fromString(draft.body().path("settlementId").asString());

        Answer wrongVersion = post(ownProvider(provider), provider, march, "submission", "\"999\"", null);
        assertThat(wrongVersion.status()).isEqualTo(412);
        Answer submitted = post(ownProvider(provider), provider, march, "submission", draft.etag(), null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body().path("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.etag()).isNotEqualTo(draft.etag());

        Answer stale = post(officer(), provider, march, "approval", draft.etag(), null);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(read(provider, march).etag()).isEqualTo(submitted.etag());

        Answer approved = post(officer(), provider, march, "approval", submitted.etag(), null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("state").asString()).isEqualTo("APPROVED");
        LocalDate approvedOn =
                LocalDate.parse(approved.body().path("approvedOn").asString());
        assertThat(approvedOn).as("approved today").isBetween(today, LocalDate.now(PlatformAutoConfiguration.SEOUL));
        SettlementApproved closing = announced(settlement, SettlementApproved.class);
        assertThat(closing.providerId()).isEqualTo(provider.provider());
        assertThat(closing.month()).isEqualTo(march);
        assertThat(closing.lines()).isEqualTo(3);
        assertThat(closing.amount()).isEqualTo(144_660);
        assertThat(closing.publicShare()).isEqualTo(144_660);
        assertThat(closing.adjustmentLines()).isZero();

        Answer twice = post(officer(), provider, march, "approval", null, null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("state").asString()).isEqualTo("APPROVED");

        assertThat(field(post(officer(), provider, march, "payment", null, payment("T-1", approvedOn.plusDays(1)))))
                .isEqualTo("paidOn");
        assertThat(field(post(officer(), provider, march, "payment", null, payment("  ", approvedOn))))
                .isEqualTo("reference");
        assertThat(field(post(officer(), provider, march, "payment", null, payment("x".repeat(101), approvedOn))))
                .isEqualTo("reference");
        assertThat(field(post(officer(), provider, march, "payment", null, Map.of("reference", "T-1"))))
                .isEqualTo("paidOn");
        assertThat(read(provider, march).etag()).isEqualTo(approved.etag());

        Answer paid = post(officer(), provider, march, "payment", approved.etag(), payment("마포-지출-0042", approvedOn));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.body().path("state").asString()).isEqualTo("PAID");
        assertThat(paid.body().path("payment").path("reference").asString()).isEqualTo("마포-지출-0042");
        SettlementPaid payment = announced(settlement, SettlementPaid.class);
        assertThat(payment.amount()).isEqualTo(144_660);
        assertThat(payment.reference()).isEqualTo("마포-지출-0042");
        assertThat(payment.paidOn()).isEqualTo(approvedOn);

        Answer again = post(officer(), provider, march, "payment", null, payment("마포-지출-0043", approvedOn));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("state").asString()).isEqualTo("PAID");

        JsonNode history = read(provider, march).body().path("history");
        assertThat(history.size()).isEqualTo(4);
        assertThat(List.of(
                        history.get(0).path("state").asString(),
                        history.get(1).path("state").asString(),
                        history.get(2).path("state").asString(),
                        history.get(3).path("state").asString()))
                .containsExactly("DRAFT", "SUBMITTED", "APPROVED", "PAID");
        assertThat(history.get(0).path("by").isNull()).isTrue();
        assertThat(history.get(1).path("by").asString()).isEqualTo("provider@" + provider.provider());
        assertThat(history.get(1).path("role").asString()).isEqualTo("PROVIDER");
        assertThat(history.get(2).path("by").asString()).isEqualTo("billing@mapo");
        assertThat(history.get(3).path("role").asString()).isEqualTo("BILLING_OFFICER");
        assertThat(history.get(3).path("at").asString()).isNotBlank();
    }

    @Test
    void aLateDeliveryOfAnApprovedMonthIsAnAdjustmentOfTheNextDraftAndTheApprovedTotalStays() {
        Deliveries provider = new Deliveries();
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 1, 6), 150));
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 2, 3), 60));
        awaitCharges(provider, 2);
        YearMonth january = YearMonth.of(2025, 1);
        YearMonth february = YearMonth.of(2025, 2);
        close(provider, january);
        UUID januarySettlement = UUID.fromString(
                read(provider, january).body().path("settlementId").asString());
        assertThat(announced(januarySettlement, SettlementApproved.class).amount())
                .isEqualTo(38_340);

        // a January visit reported after January was approved
        EventEnvelope late = provider.homeCareVisit(LocalDate.of(2025, 1, 20), 240);
        UUID lateDelivery = ((ServiceDelivered) late.data()).deliveryId();
        KAFKA.publish(late);
        awaitCharges(provider, 3);

        JsonNode closed = read(provider, january).body();
        assertThat(closed.path("state").asString()).isEqualTo("APPROVED");
        assertThat(closed.path("lines").asLong()).isEqualTo(1);
        assertThat(closed.path("amount").asLong()).isEqualTo(38_340);
        assertThat(closed.path("adjustments").path("lines").asLong()).isZero();

        JsonNode next = read(provider, february).body();
        assertThat(next.path("state").asString()).isEqualTo("DRAFT");
        assertThat(next.path("lines").asLong()).isEqualTo(2);
        assertThat(next.path("amount").asLong()).isEqualTo(22_640 + 56_320);
        assertThat(next.path("publicShare").asLong()).isEqualTo(22_640 + 56_320);
        assertThat(next.path("adjustments").path("lines").asLong()).isEqualTo(1);
        assertThat(next.path("adjustments").path("amount").asLong()).isEqualTo(56_320);
        JsonNode adjustment = next.path("adjustments").path("items").get(0);
        assertThat(adjustment.path("deliveryId").asString()).isEqualTo(lateDelivery.toString());
        assertThat(adjustment.path("serviceMonth").asString()).isEqualTo("2025-01");
        assertThat(adjustment.path("serviceDate").asString()).isEqualTo("2025-01-20");
        assertThat(next.path("byService").get(0).path("amount").asLong()).isEqualTo(22_640 + 56_320);

        as(officer())
                .get()
                .uri("/api/v1/charges/by-delivery/{id}", lateDelivery)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.serviceDate")
                .isEqualTo("2025-01-20")
                .jsonPath("$.settlementMonth")
                .isEqualTo("2025-02")
                .jsonPath("$.adjustment")
                .isEqualTo(true);
        DeliveryCharged charged = eventually()
                .until(
                        () -> KAFKA.events(CareTopics.CHARGES, provider.careOrder(), DeliveryCharged.class).stream()
                                .filter(event -> event.deliveryId().equals(lateDelivery))
                                .toList(),
                        events -> events.size() == 1)
                .get(0);
        assertThat(charged.settlementMonth()).isEqualTo(february);
        assertThat(charged.serviceDate()).isEqualTo(LocalDate.of(2025, 1, 20));
        assertTotalsAreTheSumOfTheLines(provider);

        // February closes with its adjustment, and the approval says so
        close(provider, february);
        SettlementApproved closing = announced(
                UUID.fromString(
                        read(provider, february).body().path("settlementId").asString()),
                SettlementApproved.class);
        assertThat(closing.amount()).isEqualTo(78_960);
        assertThat(closing.adjustmentLines()).isEqualTo(1);
        assertThat(closing.adjustmentAmount()).isEqualTo(56_320);
    }

    @Test
    void withoutALaterDraftTheLateChargeOpensTheDraftOfTheCurrentMonth() {
        Deliveries provider = new Deliveries();
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 5, 12), 120));
        awaitCharges(provider, 1);
        close(provider, YearMonth.of(2025, 5));

        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 5, 13), 180));
        awaitCharges(provider, 2);

        JsonNode current = read(provider, NOW).body();
        assertThat(current.path("state").asString()).isEqualTo("DRAFT");
        assertThat(current.path("lines").asLong()).isEqualTo(1);
        assertThat(current.path("adjustments").path("amount").asLong()).isEqualTo(48_170);
        assertThat(current.path("history").get(0).path("note").asString()).contains("late charge", "2025-05");
        assertThat(read(provider, YearMonth.of(2025, 5)).body().path("amount").asLong())
                .isEqualTo(38_340);
        assertThat(read(provider, YearMonth.of(2025, 6))
                        .body()
                        .path("settlementId")
                        .isNull())
                .as("no month between is opened")
                .isTrue();
        assertTotalsAreTheSumOfTheLines(provider);
    }

    @Test
    void aSubmittedMonthTakesNoMoreLinesSoTheOfficerApprovesWhatTheProviderConfirmed() {
        Deliveries provider = new Deliveries();
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 6, 2), 60));
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 7, 1), 60));
        awaitCharges(provider, 2);
        YearMonth june = YearMonth.of(2025, 6);
        Answer submitted = post(ownProvider(provider), provider, june, "submission", null, null);
        assertThat(submitted.status()).isEqualTo(200);

        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 6, 30), 60));
        awaitCharges(provider, 3);

        assertThat(read(provider, june).etag()).isEqualTo(submitted.etag());
        Answer approved = post(officer(), provider, june, "approval", submitted.etag(), null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("amount").asLong()).isEqualTo(22_640);
        assertThat(read(provider, YearMonth.of(2025, 7))
                        .body()
                        .path("adjustments")
                        .path("lines")
                        .asLong())
                .isEqualTo(1);
        assertTotalsAreTheSumOfTheLines(provider);
    }

    @Test
    void deliveriesArrivingWhileTheMonthIsSubmittedCountOnceEachInTheMonthOrAsAdjustments() {
        Deliveries provider = new Deliveries();
        YearMonth november = YearMonth.of(2025, 11);
        int visits = 30;
        for (int i = 0; i < visits; i++) {
            KAFKA.publish(provider.homeCareVisit(november.atDay(1 + i % 30), 60 + i % 4 * 60));
        }
        eventually()
                .until(() ->
                        count("select count(*) from charge where provider_id = '" + provider.provider() + "'") >= 1);
        Answer submitted = post(ownProvider(provider), provider, november, "submission", null, null);
        assertThat(submitted.status()).isEqualTo(200);
        awaitCharges(provider, visits);

        Answer approved = post(officer(), provider, november, "approval", submitted.etag(), null);
        assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
        long inNovember = approved.body().path("lines").asLong();
        long adjustments =
                read(provider, NOW).body().path("adjustments").path("lines").asLong();
        assertThat(inNovember).isPositive();
        assertThat(inNovember + adjustments).isEqualTo(visits);
        SettlementApproved closing =
                announced(UUID.fromString(approved.body().path("settlementId").asString()), SettlementApproved.class);
        assertThat(closing.lines()).isEqualTo(inNovember);
        assertThat(closing.amount())
                .isEqualTo(count("select coalesce(sum(amount), 0)::bigint from charge where provider_id = '"
                        + provider.provider() + "' and settlement_month = '2025-11-01'"));
        assertTotalsAreTheSumOfTheLines(provider);
    }

    @Test
    void refusalsNameTheStateOrTheFieldOrTheCallerAndChangeNothing() {
        Deliveries provider = new Deliveries();
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 9, 1), 60));
        KAFKA.publish(provider.homeCareVisit(today, 60));
        awaitCharges(provider, 2);
        YearMonth september = YearMonth.of(2025, 9);
        Answer before = read(provider, september);

        Answer unapprovedPayment = post(officer(), provider, september, "payment", null, payment("T-9", today));
        assertThat(unapprovedPayment.status()).isEqualTo(409);
        assertThat(unapprovedPayment.body().path("state").asString()).isEqualTo("DRAFT");
        Answer unsubmittedApproval = post(officer(), provider, september, "approval", null, null);
        assertThat(unsubmittedApproval.status()).isEqualTo(409);
        assertThat(unsubmittedApproval.body().path("detail").asString()).contains("DRAFT");
        Answer notOver = post(ownProvider(provider), provider, NOW, "submission", null, null);
        assertThat(notOver.status()).isEqualTo(422);
        assertThat(field(notOver)).isEqualTo("month");

        assertThat(post(TestTokens.provider("mapo", provider.provider()), provider, september, "approval", null, null)
                        .status())
                .isEqualTo(403);
        assertThat(post(officer(), provider, september, "submission", null, null)
                        .status())
                .isEqualTo(403);
        assertThat(post(TestTokens.window("mapo"), provider, september, "payment", null, payment("T", today))
                        .status())
                .isEqualTo(403);
        assertThat(post(TestTokens.provider("mapo", "someone-else"), provider, september, "submission", null, null)
                        .status())
                .isEqualTo(404);
        assertThat(post(TestTokens.billingOfficer("seodaemun"), provider, september, "approval", null, null)
                        .status())
                .isEqualTo(404);
        assertThat(post(ownProvider(provider), provider, YearMonth.of(2025, 8), "submission", null, null)
                        .status())
                .as("a month the provider has no settlement for")
                .isEqualTo(404);
        assertThat(field(postRaw(
                        ownProvider(provider),
                        "/api/v1/settlements/" + provider.provider() + "/2025-13/submission",
                        null)))
                .isEqualTo("month");
        assertThat(field(post(ownProvider(provider), provider, september, "submission", "\"soon\"", null)))
                .isEqualTo(HttpHeaders.IF_MATCH);

        Answer after = read(provider, september);
        assertThat(after.etag()).isEqualTo(before.etag());
        assertThat(after.body().path("state").asString()).isEqualTo("DRAFT");
        assertThat(after.body().path("history").size()).isEqualTo(1);
        UUID settlement = UUID.fromString(after.body().path("settlementId").asString());
        assertThat(count("select count(*) from outbox_event where message_key = '" + settlement + "'"))
                .as("nothing announced")
                .isZero();
    }

    @Test
    void theDatabaseRefusesToChangeAClosedMonthOrItsLines() {
        Deliveries provider = new Deliveries();
        KAFKA.publish(provider.homeCareVisit(LocalDate.of(2025, 10, 6), 60));
        awaitCharges(provider, 1);
        close(provider, YearMonth.of(2025, 10));

        String where = "provider_id = '" + provider.provider() + "'";
        assertThat(refusedByTheDatabase(
                        "update settlement set amount = amount + 1, co_payment = co_payment + 1 where " + where))
                .isTrue();
        assertThat(refusedByTheDatabase("update charge set settlement_month = '2025-11-01' where " + where))
                .isTrue();
        assertThat(refusedByTheDatabase("delete from charge where " + where)).isTrue();
        assertThat(count("select amount from settlement where " + where)).isEqualTo(22_640);
    }

    // --- the calls

    private record Answer(
            int status, @Nullable String etag, @Nullable MediaType contentType, JsonNode body) {}

    private Answer read(Deliveries provider, YearMonth month) {
        EntityExchangeResult<byte[]> result = as(officer())
                .get()
                .uri("/api/v1/settlements?provider={p}&month={m}", provider.provider(), month)
                .exchange()
                .expectBody()
                .returnResult();
        return answer(result);
    }

    private Answer post(
            TestTokens.Token caller,
            Deliveries provider,
            YearMonth month,
            String step,
            @Nullable String ifMatch,
            @Nullable Object body) {
        WebTestClient client = as(caller);
        WebTestClient.RequestBodySpec request =
                client.post().uri("/api/v1/settlements/{p}/{m}/{step}", provider.provider(), month, step);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        WebTestClient.RequestHeadersSpec<?> sent = body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return answer(sent.exchange().expectBody().returnResult());
    }

    private Answer postRaw(TestTokens.Token caller, String uri, @Nullable Object body) {
        WebTestClient.RequestBodySpec request = as(caller).post().uri(uri);
        WebTestClient.RequestHeadersSpec<?> sent = body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return answer(sent.exchange().expectBody().returnResult());
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

    /** The one field a 400 or 422 names. */
    private static String field(Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isIn(400, 422);
        assertThat(answer.body().path("errors").size()).as("%s", answer.body()).isEqualTo(1);
        return answer.body().path("errors").get(0).path("field").asString();
    }

    /** Submitted by its provider and approved by the district, as each of them. */
    private void close(Deliveries provider, YearMonth month) {
        assertThat(post(ownProvider(provider), provider, month, "submission", null, null)
                        .status())
                .isEqualTo(200);
        assertThat(post(officer(), provider, month, "approval", null, null).status())
                .isEqualTo(200);
    }

    private static Map<String, Object> payment(String reference, LocalDate paidOn) {
        return Map.of("reference", reference, "paidOn", paidOn.toString());
    }

    private static TestTokens.Token officer() {
        return TestTokens.billingOfficer("mapo");
    }

    private static TestTokens.Token ownProvider(Deliveries provider) {
        return TestTokens.provider("mapo", provider.provider());
    }

    private void awaitCharges(Deliveries provider, int expected) {
        eventually()
                .until(() -> count("select count(*) from charge where provider_id = '" + provider.provider() + "'")
                        == expected);
    }

    private <E extends kr.dolbom.events.CareEvent> E announced(UUID settlement, Class<E> type) {
        return eventually()
                .until(() -> KAFKA.events(CareTopics.CHARGES, settlement, type), events -> events.size() == 1)
                .get(0);
    }

    /** Every settlement of the provider: its totals are the sums of the charges counted in it, to the won. */
    private void assertTotalsAreTheSumOfTheLines(Deliveries provider) {
        long mismatched = count("""
                select count(*) from settlement s
                cross join lateral (
                    select count(*) as lines, coalesce(sum(c.amount), 0) as amount,
                           coalesce(sum(c.public_share), 0) as public_share,
                           coalesce(sum(c.co_payment), 0) as co_payment,
                           count(*) filter (where c.service_date < c.settlement_month) as adjustment_lines,
                           coalesce(sum(c.amount) filter (where c.service_date < c.settlement_month), 0)
                               as adjustment_amount
                    from charge c
                    where c.district = s.district and c.provider_id = s.provider_id and c.settlement_month = s.month
                ) l
                where s.provider_id = '%s'
                  and (s.lines, s.amount, s.public_share, s.co_payment, s.adjustment_lines, s.adjustment_amount)
                      is distinct from
                      (l.lines, l.amount, l.public_share, l.co_payment, l.adjustment_lines, l.adjustment_amount)""".formatted(provider.provider()));
        assertThat(mismatched).isZero();
        assertThat(count("select count(*) from settlement where provider_id = '" + provider.provider() + "'"))
                .isPositive();
    }

    private boolean refusedByTheDatabase(String sql) {
        try {
            db.sql(sql).fetch().rowsUpdated().block();
            return false;
        } catch (RuntimeException refused) {
            return String.valueOf(refused.getMessage()).contains("never change");
        }
    }
}
