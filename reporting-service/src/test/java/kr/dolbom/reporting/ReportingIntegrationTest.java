package kr.dolbom.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.testsupport.ServiceIntegrationTest;
import kr.dolbom.testsupport.TestTokens;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The reporting service on a real Kafka broker and a real PostgreSQL (embedded unless configured otherwise),
 * one application context for all integration tests of the module. The tests share its database, so each
 * one reports on districts and providers of its own ({@link #unique(String)}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ReportingApplication.CONFIG_NAME)
public abstract class ReportingIntegrationTest extends ServiceIntegrationTest {

    /** This test's own district (each test method gets a new instance). */
    protected final String district = unique("mapo");
    /** This test's own care order: its events share a partition, so they arrive in the order published. */
    protected final UUID order = UUID.randomUUID();

    /** A district or provider id no other test uses. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes an event as its producing service would, now. */
    protected static EventEnvelope publish(CareEvent event) {
        return publish(event, Instant.now());
    }

    protected static EventEnvelope publish(CareEvent event, Instant publishedAt) {
        EventEnvelope envelope = EventEnvelope.of(event, CareEvents.producerOf(event), publishedAt);
        KAFKA.publish(envelope);
        return envelope;
    }

    /** Publishes an event and the very same record again, as a producer's retry or a rebalance delivers it. */
    protected static EventEnvelope publishTwice(CareEvent event) {
        EventEnvelope envelope = publish(event);
        KAFKA.publish(envelope);
        return envelope;
    }

    /** Waits until every one of these events has been applied: its inbox row commits with its effect. */
    protected void awaitApplied(EventEnvelope... envelopes) {
        eventually().until(() -> timesApplied(envelopes) == envelopes.length);
    }

    /** The inbox rows of these events: each consumer applies an event once at most. */
    protected long timesApplied(EventEnvelope... envelopes) {
        String ids = Arrays.stream(envelopes)
                .map(envelope -> "'" + envelope.id() + "'")
                .collect(Collectors.joining(","));
        return count("select count(*) from processed_event where event_id in (" + ids + ")");
    }

    /** The city's administrator, who reads every district's figures. */
    protected WebTestClient city() {
        return as(TestTokens.cityAdmin());
    }

    /** Values go in as URI variables, so that "+" and " " arrive as sent instead of as URL syntax. */
    protected WebTestClient.ResponseSpec get(String path, Map<String, String> params) {
        return city().get()
                .uri(builder -> {
                    builder.path(path);
                    params.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
                    return builder.build(params);
                })
                .exchange();
    }

    /** One of the KPIs of a district's month ({@code monthly}, {@code orders}, ...): it answers, naming both. */
    protected WebTestClient.BodyContentSpec districtKpi(String kpi, String district, String month) {
        return get("/api/v1/kpis/" + kpi, Map.of("district", district, "month", month))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.district")
                .isEqualTo(district)
                .jsonPath("$.month")
                .isEqualTo(month);
    }

    protected WebTestClient.BodyContentSpec providerCharges(String provider, String month) {
        return get("/api/v1/kpis/charges", Map.of("provider", provider, "month", month))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.provider")
                .isEqualTo(provider)
                .jsonPath("$.month")
                .isEqualTo(month);
    }

    /** The answer as sent, for what parsing it would hide (the scale of a decimal, a null). */
    protected static String text(WebTestClient.BodyContentSpec answer) {
        return new String(answer.returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }

    /** An Excel export as the city's administrator downloads it, read back as a spreadsheet program reads it. */
    protected List<Row> workbook(String path, String language) throws IOException {
        byte[] workbook = city().get()
                .uri(path)
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .expectHeader()
                .value(
                        HttpHeaders.CONTENT_DISPOSITION,
                        disposition -> assertThat(disposition)
                                .startsWith("attachment;")
                                .contains(".xlsx"))
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            return read.getFirstSheet().read();
        }
    }
}
