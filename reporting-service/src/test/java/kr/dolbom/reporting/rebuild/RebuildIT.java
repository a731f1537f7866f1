package kr.dolbom.reporting.rebuild;

import static kr.dolbom.reporting.CareEvents.assigned;
import static kr.dolbom.reporting.CareEvents.charged;
import static kr.dolbom.reporting.CareEvents.held;
import static kr.dolbom.reporting.CareEvents.placed;
import static kr.dolbom.reporting.CareEvents.rejected;
import static kr.dolbom.reporting.CareEvents.rejectedDelivery;
import static kr.dolbom.reporting.CareEvents.reversed;
import static kr.dolbom.reporting.CareEvents.units;
import static kr.dolbom.reporting.CareEvents.visit;
import static kr.dolbom.reporting.CareEvents.voided;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.LineOffered;
import kr.dolbom.events.OfferAccepted;
import kr.dolbom.events.OfferDeclined;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.events.OrderStarted;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.reporting.ReportingIntegrationTest;
import kr.dolbom.testsupport.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The rebuild against the real broker and database: after a lifecycle over two months (a duplicate of three of its
 * events among them), every row of every read model of this test's district is what it was before, the API answers
 * throughout, and after the swap it answers from the rebuilt tables.
 */
class RebuildIT extends ReportingIntegrationTest {

    private final String provider = unique("mapo-homecare");
    private final List<EventEnvelope> published = new ArrayList<>();

    @Autowired
    private ReadModelRebuild rebuilds;

    @Autowired
    private RebuildProgress progress;

    @Test
    void rebuildsEveryReadModelExactlyWhileTheApiKeepsAnswering() {
        lifecycle();
        awaitApplied(published.toArray(EventEnvelope[]::new));
        Map<String, List<String>> before = readModels();
        Map<String, String> answersBefore = answers();
        assertThat(before.get("order_month")).hasSize(2);
        assertThat(before.get("service_line")).hasSize(5);
        assertThat(before.get("delivery_state")).hasSize(6); // every delivery heard of, counted or not
        assertThat(before.get("delivery_month"))
                .anySatisfy(row -> assertThat(row).contains("\"held\": 0", "2026-10-01"))
                .anySatisfy(row -> assertThat(row).contains("\"held\": 0", "2026-11-01", "MEAL_SUPPORT"));
        // The live read model goes wrong (the reason one rebuilds): the rebuilt one is right again, and the API
        // shows it, so it answers from the new tables after the swap and not from plans cached on the old ones.
        db.sql("update order_month set placed = placed + 1000 where district = :district")
                .bind("district", district)
                .then()
                .block();
        assertThat(answers()).isNotEqualTo(answersBefore);
        eventually()
                .until(() ->
                        rebuilds.latest().map(rebuild -> !rebuild.running()).orElse(true));

        EntityExchangeResult<String> started = operator()
                .post()
                .uri("/api/v1/operations/rebuilds")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(String.class)
                .returnResult();
        String location = started.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).startsWith("/api/v1/operations/rebuilds/");
        String id = location.substring(location.lastIndexOf('/') + 1);
        // one at a time: a second is refused, naming the one that runs
        operator()
                .post()
                .uri("/api/v1/operations/rebuilds")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.runningRebuild")
                .isEqualTo(id);

        // events that come while it runs, in a district of their own: whichever pass or consumer applies them, each
        // counts once in the read models that are live in the end
        String meanwhile = unique("mapo");
        List<EventEnvelope> during = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            during.add(publish(placed(meanwhile, "seogyo", LocalDate.of(2026, 12, 1 + i), false, 1)));
        }
        during.add(publishTwice(placed(meanwhile, "seogyo", LocalDate.of(2026, 12, 24), true, 2)));

        List<Rebuild.State> states = new ArrayList<>();
        eventually().until(() -> {
            // the API answers while the read models are rebuilt
            districtKpi("monthly", district, "2026-11");
            RebuildAnswer progress = operator()
                    .get()
                    .uri(location)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(RebuildAnswer.class)
                    .returnResult()
                    .getResponseBody();
            states.add(progress.state());
            return !progress.state().equals(Rebuild.State.PREPARING)
                    && !progress.state().equals(Rebuild.State.REPLAYING)
                    && !progress.state().equals(Rebuild.State.SWAPPING)
                    && !progress.state().equals(Rebuild.State.CATCHING_UP);
        });
        operator()
                .get()
                .uri(location)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("DONE")
                .jsonPath("$.read")
                .value(read -> assertThat(((Number) read).longValue()).isPositive())
                .jsonPath("$.streams.length()")
                .isEqualTo(4)
                .jsonPath("$.outcomes.applied")
                .value(applied -> assertThat(((Number) applied).longValue()).isPositive());
        // what another instance answers, or this one after a restart: the record taken when it was done
        RebuildAnswer recorded = progress.find(UUID.fromString(id)).block();
        assertThat(recorded.state()).isEqualTo(Rebuild.State.DONE);
        assertThat(recorded.read())
                .isEqualTo(rebuilds.find(UUID.fromString(id)).orElseThrow().read());
        assertThat(recorded.recordedAt()).isAfterOrEqualTo(recorded.finishedAt());

        // the operators' dashboards follow it as gauges
        // a scrape of a service that ran the whole suite passes the client's default 256 KiB buffer
        String metrics = operator()
                .mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build()
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(metrics)
                .contains(
                        "dolbom_rebuild_running{",
                        "dolbom_rebuild_records_read{",
                        "dolbom_rebuild_records_target{",
                        "dolbom_rebuild_events_per_second{");

        assertThat(readModels()).isEqualTo(before);
        awaitApplied(during.toArray(EventEnvelope[]::new));
        assertThat(timesApplied(during.toArray(EventEnvelope[]::new))).isEqualTo(during.size());
        districtKpi("orders", meanwhile, "2026-12")
                .jsonPath("$.placed")
                .isEqualTo(21)
                .jsonPath("$.urgent")
                .isEqualTo(1)
                .jsonPath("$.linesRequested")
                .isEqualTo(22);
        assertThat(answers()).isEqualTo(answersBefore);
        assertThat(count("select count(*) from pg_namespace where nspname in ('kpi_rebuild', 'kpi_old')"))
                .isZero();
        // an event published after the rebuild is counted once, in the new tables, by the live consumer
        OrderPlaced later = placed(district, "seogyo", LocalDate.of(2026, 11, 20), false, 1);
        awaitApplied(publish(later));
        districtKpi("orders", district, "2026-11").jsonPath("$.placed").isEqualTo(2);
    }

    /** Behind a load balancer the operator's next call may reach another replica: it answers from the record. */
    @Test
    void aRebuildRunByAnotherInstanceIsAnsweredAsThatInstanceLastRecordedIt() {
        RebuildAnswer elsewhere = new RebuildAnswer(
                UUID.randomUUID(),
                Rebuild.State.REPLAYING,
                Instant.parse("2026-12-03T01:00:00Z"),
                null,
                1_200,
                5_000,
                40_000L,
                List.of(new RebuildAnswer.StreamProgress(CareTopics.ORDERS, 5_000, 1_200, 0)),
                Map.of("applied", 1_100L),
                null,
                Instant.parse("2026-12-03T01:00:02Z"));
        progress.record(elsewhere).block();

        operator()
                .get()
                .uri("/api/v1/operations/rebuilds/{id}", elsewhere.id())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.state")
                .isEqualTo("REPLAYING")
                .jsonPath("$.read")
                .isEqualTo(1_200)
                .jsonPath("$.streams[0].topic")
                .isEqualTo(CareTopics.ORDERS)
                .jsonPath("$.recordedAt")
                .isEqualTo("2026-12-03T01:00:02Z");
        operator()
                .get()
                .uri("/api/v1/operations/rebuilds/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    /** A rebuild is only as complete as the streams' history: they are created to keep all of it. */
    @Test
    void theStreamsItReplaysAreKeptForEver() throws Exception {
        try (Admin admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, INFRASTRUCTURE.kafkaBootstrapServers()))) {
            List<ConfigResource> streams = CareTopics.ALL.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .toList();
            admin.describeConfigs(streams).all().get(30, TimeUnit.SECONDS).forEach((topic, config) -> {
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
                        .as(topic.name())
                        .isEqualTo("-1");
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                        .as(topic.name())
                        .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
            });
        }
    }

    /**
     * Two months of one district: orders placed and rejected, matched, held, started, served, charged, deliveries
     * voided and their charges reversed, deliveries held for the window then released or rejected, orders ended.
     */
    private void lifecycle() {
        LocalDate october = LocalDate.of(2026, 10, 28);
        LocalDate november = LocalDate.of(2026, 11, 3);
        OrderPlaced urgent = placed(district, "mangwon1", october, true, 2);
        OrderPlaced routine = placed(district, "hapjeong", november, false, 3);
        UUID resident = UUID.randomUUID();
        published.add(publish(urgent));
        published.add(publishTwice(routine)); // a producer's retry: counted once, live and rebuilt
        published.add(publish(rejected(district, november)));
        published.add(publish(assigned(urgent, 0, october.plusDays(1), false)));
        published.add(publish(assigned(urgent, 1, november, true)));
        published.add(publish(assigned(routine, 0, november.plusDays(2), false)));
        // the offers of the routine line: one declined, the next accepted 40 minutes later, the decline sent twice
        Instant offeredAt = november.plusDays(1)
                .atTime(9, 0)
                .atZone(PlatformAutoConfiguration.SEOUL)
                .toInstant();
        UUID line = routine.lines().get(0).lineId();
        LineOffered first = new LineOffered(
                routine.careOrderId(),
                line,
                UUID.randomUUID(),
                routine.lines().get(0).serviceType(),
                provider,
                district,
                routine.dong(),
                false,
                1,
                offeredAt,
                offeredAt.plusSeconds(86_400),
                november.plusDays(1));
        LineOffered second = new LineOffered(
                routine.careOrderId(),
                line,
                UUID.randomUUID(),
                first.serviceType(),
                provider + "-2",
                district,
                routine.dong(),
                false,
                2,
                offeredAt.plusSeconds(600),
                offeredAt.plusSeconds(87_000),
                november.plusDays(1));
        published.add(publish(first));
        published.add(publishTwice(new OfferDeclined(
                routine.careOrderId(),
                line,
                first.offerId(),
                first.serviceType(),
                provider,
                district,
                false,
                DeclineReason.SCHEDULE_CONFLICT,
                null,
                offeredAt,
                offeredAt.plusSeconds(600),
                november.plusDays(1))));
        published.add(publish(second));
        published.add(publish(new OfferAccepted(
                routine.careOrderId(),
                line,
                second.offerId(),
                second.serviceType(),
                second.providerId(),
                district,
                false,
                second.offeredAt(),
                second.offeredAt().plusSeconds(2_400),
                november.plusDays(2))));
        published.add(publish(new OrderStarted(urgent.careOrderId(), district, october.plusDays(3))));
        published.add(publish(new OrderPutOnHold(
                urgent.careOrderId(), district, HoldReason.HOSPITAL_ADMISSION, november, november.plusDays(5))));
        published.add(publish(new OrderResumed(urgent.careOrderId(), district, november.plusDays(5))));
        published.add(publish(
                units(urgent.careOrderId(), ServiceType.MEAL_SUPPORT, district, resident, october.plusDays(3), 2)));
        published.add(publishTwice(
                units(urgent.careOrderId(), ServiceType.MEAL_SUPPORT, district, resident, november.plusDays(6), 3)));
        published.add(publish(visit(
                urgent.careOrderId(),
                ServiceType.TEMPORARY_HOME_CARE,
                district,
                resident,
                november.plusDays(7),
                LocalTime.of(9, 0),
                LocalTime.of(11, 30))));
        published.add(publish(charged(urgent.careOrderId(), district, provider, october.plusDays(3), 16_000, 0)));
        published.add(publishTwice(charged(urgent.careOrderId(), district, provider, november.plusDays(7), 38_340, 0)));
        // struck out by the window and its charge reversed (the void sent twice); held then released; held then
        // rejected
        ServiceDelivered struckOut =
                units(urgent.careOrderId(), ServiceType.MEAL_SUPPORT, district, resident, november.plusDays(8), 4);
        DeliveryCharged struckOutCharge =
                charged(urgent.careOrderId(), district, provider, november.plusDays(8), 9_000, 1_000);
        ServiceDelivered released =
                units(urgent.careOrderId(), ServiceType.MEAL_SUPPORT, district, resident, november.plusDays(10), 2);
        ServiceDelivered refused = units(
                urgent.careOrderId(), ServiceType.MEAL_SUPPORT, district, UUID.randomUUID(), october.plusDays(2), 1);
        published.add(publish(struckOut));
        published.add(publish(struckOutCharge));
        published.add(publishTwice(voided(struckOut)));
        published.add(publish(reversed(struckOutCharge)));
        published.add(publish(held(released)));
        published.add(publish(released));
        published.add(publish(held(refused)));
        published.add(publish(rejectedDelivery(refused)));
        published.add(publish(new OrderCancelled(
                routine.careOrderId(), district, CancelReason.RESIDENT_MOVED, november.plusDays(9))));
        published.add(publish(new OrderCompleted(urgent.careOrderId(), district, november.plusDays(20))));
    }

    /**
     * Every row of every read model (every table of the live schema, the inbox included) that belongs to this
     * test: its district's, its provider's, its events' inbox rows.
     */
    private Map<String, List<String>> readModels() {
        List<String> tables = db.sql("select tablename from pg_tables where schemaname = 'kpi' order by tablename")
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .block();
        String events = published.stream().map(e -> "'" + e.id() + "'").collect(Collectors.joining(","));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            String where = switch (table) {
                case "processed_event" -> "event_id in (" + events + ")";
                case "charge_provider_month" -> "provider_id = '" + provider + "'";
                default -> "district = '" + district + "'";
            };
            rows.put(
                    table,
                    db.sql("select (to_jsonb(t) - 'processed_at')::text from " + table + " t where " + where
                                    + " order by 1")
                            .map(row -> row.get(0, String.class))
                            .all()
                            .collectList()
                            .block());
        }
        assertThat(rows.keySet())
                .as("the read models")
                .containsExactlyInAnyOrder(
                        "order_month",
                        "line_month",
                        "offer_month",
                        "delivery_month",
                        "resident_served",
                        "charge_district_month",
                        "charge_provider_month",
                        "delivery_state",
                        "order_change_month",
                        "order_start",
                        "service_line",
                        "processed_event");
        assertThat(rows.get("processed_event")).as("one inbox row per event").hasSize(published.size());
        return rows;
    }

    /** Every KPI endpoint's answer for this test's district and provider. */
    private Map<String, String> answers() {
        Map<String, String> answers = new LinkedHashMap<>();
        Stream.of("2026-10", "2026-11").forEach(month -> {
            Stream.of("monthly", "orders", "meal-volume", "users-served", "dongs")
                    .forEach(kpi -> answers.put(kpi + " " + month, text(districtKpi(kpi, district, month))));
            answers.put("charges " + month, text(providerCharges(provider, month)));
        });
        answers.put(
                "trend",
                text(get("/api/v1/kpis/trend", Map.of("district", district, "to", "2026-11"))
                        .expectStatus()
                        .isOk()
                        .expectBody()));
        answers.put(
                "queue",
                text(get("/api/v1/kpis/queue", Map.of("district", district))
                        .expectStatus()
                        .isOk()
                        .expectBody()));
        return answers;
    }

    private WebTestClient operator() {
        return as(TestTokens.operator());
    }
}
