package kr.dolbom.billing.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A district's tariff, added over REST, prices the district's deliveries from its day on and none before; the old
 * row stays, every change is audited, and a tariff refused changes nothing. Each test has a district of its own.
 */
class TariffIT extends BillingIntegrationTest {

    @Autowired
    private ConnectionFactory connections;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String district = "tariffs-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aNewTariffPricesTheDeliveriesFromItsDayAndTheOldRowStillPricesTheOnesBefore() {
        Answer added = post(homeCare("2026-03-01", 23_000, 39_000, "마포구 고시 2026-5"));
        assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
        assertThat(added.body().path("district").asString()).isEqualTo(district);
        assertThat(added.body().path("recordedBy").asString()).isEqualTo("billing@" + district);
        String tariffId = added.body().path("tariff").path("id").asString();
        assertThat(tariffId).isEqualTo(district + "-temporary-home-care-2026-03-01");
        assertThat(post(meal("2026-03-01", 7_000)).status()).isEqualTo(201);

        Deliveries deliveries = new Deliveries().inDistrict(district);
        DeliveryCharged before = charge(deliveries, deliveries.homeCareVisit(LocalDate.of(2026, 2, 28), 60));
        DeliveryCharged onTheDay = charge(deliveries, deliveries.homeCareVisit(LocalDate.of(2026, 3, 1), 60));
        DeliveryCharged longer = charge(deliveries, deliveries.homeCareVisit(LocalDate.of(2026, 3, 20), 150));
        DeliveryCharged meals =
                charge(deliveries, deliveries.units(ServiceType.MEAL_SUPPORT, LocalDate.of(2026, 3, 2), 2));
        DeliveryCharged mobility = charge(
                deliveries,
                deliveries.visit(
                        ServiceType.MOBILITY_SUPPORT,
                        LocalDate.of(2026, 3, 2),
                        LocalTime.of(10, 0),
                        LocalTime.of(11, 0)));

        assertThat(before.amount())
                .as("the day before: the city's Care SOS row")
                .isEqualTo(22_640);
        assertThat(before.tariffId()).isEqualTo("care-sos-2021-home-care");
        assertThat(onTheDay.amount()).isEqualTo(23_000);
        assertThat(onTheDay.tariffId()).isEqualTo(tariffId);
        assertThat(longer.amount()).isEqualTo(39_000);
        assertThat(meals.amount()).isEqualTo(14_000);
        assertThat(mobility.amount()).as("no tariff of its own: the city's").isEqualTo(14_800);

        Deliveries elsewhere = new Deliveries().inDistrict(district + "-b");
        assertThat(charge(elsewhere, elsewhere.homeCareVisit(LocalDate.of(2026, 3, 1), 60))
                        .amount())
                .as("another district keeps the city's price")
                .isEqualTo(22_640);

        JsonNode history = get(district);
        List<String> rows = history.path("tariffs")
                .valueStream()
                .filter(row -> row.path("tariff").path("serviceType").asString().equals("TEMPORARY_HOME_CARE"))
                .map(row -> row.path("tariff").path("id").asString())
                .toList();
        assertThat(rows).as("the old row stays beside the new").containsExactly("care-sos-2021-home-care", tariffId);
        JsonNode changes = history.path("changes");
        assertThat(changes.size()).isEqualTo(2);
        assertThat(changes.path(0).path("tariffId").asString()).isEqualTo(tariffId);
        assertThat(changes.path(0).path("actor").asString()).isEqualTo("billing@" + district);
        assertThat(changes.path(0).path("role").asString()).isEqualTo("BILLING_OFFICER");
        assertThat(changes.path(0).path("at").asString()).isNotBlank();
        assertThat(changes.path(0).path("what").asString()).contains("23000", "마포구 고시 2026-5");
        assertThat(refusedByTheDatabase(
                        "update tariff_change set actor = 'someone' where district = '" + district + "'"))
                .isTrue();
        assertThat(refusedByTheDatabase("delete from tariff where id = '" + tariffId + "'"))
                .isTrue();
    }

    @Test
    void aTariffInOrBeforeAClosedMonthAndABadTariffAreRefusedAndNothingIsWritten() {
        Deliveries provider = marchSubmitted();
        as(TestTokens.billingOfficer(district))
                .post()
                .uri("/api/v1/settlements/{p}/2025-03/approval", provider.provider())
                .exchange()
                .expectStatus()
                .isOk();

        Answer inTheClosedMonth = post(homeCare("2025-03-15", 23_000, 39_000, "x"));
        assertThat(field(inTheClosedMonth, 422)).isEqualTo("validFrom");
        assertThat(inTheClosedMonth.contentType()).isEqualTo("application/problem+json");
        assertThat(inTheClosedMonth.body().path("closedMonth").asString()).isEqualTo("2025-03");
        assertThat(field(post(meal("2024-12-01", 7_000)), 422))
                .as("it would be in force in the closed month too")
                .isEqualTo("validFrom");

        assertThat(field(post(meal("2025-05-01", -7_000)), 400)).isEqualTo("unitPrice");
        assertThat(field(post(meal("2025-05-01", 0)), 400)).isEqualTo("unitPrice");
        Map<String, Object> overflowing = meal("2025-05-01", 0);
        overflowing.put("unitPrice", new java.math.BigInteger("100000000000000000000"));
        assertThat(field(post(overflowing), 400)).isEqualTo("unitPrice");
        Map<String, Object> spa = meal("2025-05-01", 7_000);
        spa.put("serviceType", "SPA");
        assertThat(field(post(spa), 400)).isEqualTo("serviceType");
        assertThat(field(post(homeCare("2025-05-01", 39_000, 23_000, "x")), 400))
                .as("a longer visit costing less")
                .isEqualTo("bands[1].amount");
        Map<String, Object> noBands = homeCare("2025-05-01", 23_000, 39_000, "x");
        noBands.put("bands", List.of());
        assertThat(field(post(noBands), 400)).isEqualTo("bands");
        assertThat(field(post(homeCare("2025-05-01", 23_000, 39_000, " ")), 400))
                .isEqualTo("basis");
        assertThat(new Answer(as(TestTokens.billingOfficer("seodaemun"))
                                .post()
                                .uri("/api/v1/tariffs/{d}", district)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(meal("2025-06-01", 7_000))
                                .exchange()
                                .expectBody()
                                .returnResult())
                        .status())
                .isEqualTo(403);

        assertThat(count("select count(*) from tariff where district = '" + district + "'"))
                .as("nothing of the refused tariffs")
                .isZero();
        assertThat(count("select count(*) from tariff_change where district = '" + district + "'"))
                .isZero();

        assertThat(post(homeCare("2025-04-01", 23_000, 39_000, "x")).status()).isEqualTo(201);
        assertThat(field(post(homeCare("2025-04-01", 24_000, 40_000, "again")), 409))
                .as("never an edit of a row")
                .isEqualTo("validFrom");
        assertThat(count("select count(*) from tariff_band b join tariff t on t.id = b.tariff_id"
                        + " where t.district = '" + district + "'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from tariff_change where district = '" + district + "'"))
                .isEqualTo(1);
    }

    /**
     * The check against closed months and the approval that closes one cannot pass each other: a tariff proposed
     * while a month is being approved waits for the approval's commit, then sees the month closed.
     */
    @Test
    void aTariffProposedWhileItsMonthIsBeingApprovedWaitsForTheApprovalAndIsRefused() {
        Deliveries provider = marchSubmitted();
        Connection approval = Mono.from(connections.create()).block();
        try {
            // an approval in flight: it holds the district's closing and has written the month approved
            Mono.from(approval.beginTransaction()).block();
            execute(approval, "select pg_advisory_xact_lock(hashtextextended('closing:" + district + "', 0))");
            execute(
                    approval,
                    "update settlement set state = 'APPROVED', approved_on = current_date, version = version + 1"
                            + " where district = '" + district + "' and month = date '2025-03-01'");

            CompletableFuture<Answer> proposed =
                    CompletableFuture.supplyAsync(() -> post(homeCare("2025-03-15", 23_000, 39_000, "x")));
            Awaitility.await()
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !proposed.isDone());

            Mono.from(approval.commitTransaction()).block();
            Answer refused = proposed.join();
            assertThat(field(refused, 422)).isEqualTo("validFrom");
            assertThat(refused.body().path("closedMonth").asString()).isEqualTo("2025-03");
        } finally {
            Mono.from(approval.close()).block();
        }
    }

    /** A provider's March 2025, charged one visit and submitted: the officer's to approve. */
    private Deliveries marchSubmitted() {
        Deliveries provider = new Deliveries().inDistrict(district);
        charge(provider, provider.homeCareVisit(LocalDate.of(2025, 3, 3), 120));
        as(TestTokens.provider(district, provider.provider()))
                .post()
                .uri("/api/v1/settlements/{p}/2025-03/submission", provider.provider())
                .exchange()
                .expectStatus()
                .isOk();
        return provider;
    }

    private static void execute(Connection connection, String sql) {
        Flux.from(connection.createStatement(sql).execute())
                .flatMap(Result::getRowsUpdated)
                .blockLast();
    }

    private static Map<String, Object> homeCare(String from, long hour, long twoHours, String basis) {
        Map<String, Object> tariff = new LinkedHashMap<>();
        tariff.put("serviceType", "TEMPORARY_HOME_CARE");
        tariff.put("validFrom", from);
        tariff.put("pricing", "DURATION_BANDS");
        tariff.put("minimumMinutes", 30);
        tariff.put(
                "bands",
                List.of(Map.of("fromMinutes", 30, "amount", hour), Map.of("fromMinutes", 120, "amount", twoHours)));
        tariff.put("basis", basis);
        return tariff;
    }

    private static Map<String, Object> meal(String from, long price) {
        Map<String, Object> tariff = new LinkedHashMap<>();
        tariff.put("serviceType", "MEAL_SUPPORT");
        tariff.put("validFrom", from);
        tariff.put("pricing", "UNIT_PRICE");
        tariff.put("unitPrice", price);
        tariff.put("basis", "식사지원 단가");
        return tariff;
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

    private boolean refusedByTheDatabase(String sql) {
        try {
            db.sql(sql).fetch().rowsUpdated().block();
            return false;
        } catch (RuntimeException refused) {
            return true;
        }
    }

    private record Answer(int status, String contentType, JsonNode body) {
        Answer(EntityExchangeResult<byte[]> result) {
            this(
                    result.getStatus().value(),
                    String.valueOf(result.getResponseHeaders().getContentType()),
                    JSON.readTree(result.getResponseBody()));
        }
    }

    private Answer post(Map<String, Object> tariff) {
        return new Answer(as(TestTokens.billingOfficer(district))
                .post()
                .uri("/api/v1/tariffs/{d}", district)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(tariff)
                .exchange()
                .expectBody()
                .returnResult());
    }

    private JsonNode get(String of) {
        return JSON.readTree(as(TestTokens.billingOfficer(of))
                .get()
                .uri("/api/v1/tariffs/{d}", of)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
    }

    /** The field the refusal names; the answer must be problem details of the status. */
    private static String field(Answer answer, int status) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        return answer.body().path("errors").path(0).path("field").asString();
    }
}
