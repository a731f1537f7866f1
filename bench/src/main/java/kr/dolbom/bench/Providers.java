package kr.dolbom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import kr.dolbom.events.CareEventCodec;
import kr.dolbom.events.CareEventType;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.CloudEventHeaders;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineOffered;
import kr.dolbom.tokens.Callers;
import kr.dolbom.tokens.TokenClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The consortium's providers, simulated: they learn the lines offered to them from the assignment stream (as a
 * provider's own system would from a notification), accept each at once, and report each line assigned to them
 * delivered in full on the delivery day, through matching's REST API, each provider with its own token.
 */
final class Providers implements AutoCloseable {

    private static final int IN_FLIGHT = 32;

    private final Traffic traffic;
    private final LocalDate deliveryDay;
    private final TokenClient tokens;
    private final URI deliveries;
    private final String offers;
    private final KafkaConsumer<String, byte[]> consumer;
    private final CareEventCodec codec = new CareEventCodec();
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    final Retrying retrying = new Retrying(http);
    private final Thread poller;
    private volatile boolean running = true;

    final AtomicLong accepted = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final List<String> failures = new CopyOnWriteArrayList<>();

    Providers(String bootstrap, String matchingBaseUrl, Traffic traffic, LocalDate deliveryDay, TokenClient tokens) {
        this.traffic = traffic;
        this.deliveryDay = deliveryDay;
        this.tokens = tokens;
        this.deliveries = URI.create(matchingBaseUrl + "/api/v1/deliveries");
        this.offers = matchingBaseUrl + "/api/v1/offers/";
        this.consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "bench-providers-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(CareTopics.ASSIGNMENTS).stream()
                .map(info -> new TopicPartition(CareTopics.ASSIGNMENTS, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions); // only what is assigned from now on
        partitions.forEach(consumer::position);
        this.poller = new Thread(this::run, "providers");
        poller.start();
    }

    private void run() {
        Deque<LineAssigned> early = new ArrayDeque<>();
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
                CareEventType event = type == null
                        ? null
                        : CareEventType.ofCloudEventType(new String(type.value(), StandardCharsets.UTF_8))
                                .orElse(null);
                if (event == CareEventType.LINE_OFFERED) {
                    accept((LineOffered) codec.decode(event, record.value()));
                } else if (event == CareEventType.LINE_ASSIGNED) {
                    early.add((LineAssigned) codec.decode(event, record.value()));
                }
            }
            // An assignment can overtake intake's answer to the request; such lines wait a round.
            for (int i = early.size(); i > 0; i--) {
                LineAssigned assigned = early.poll();
                Workload.Line line = traffic.openLines.remove(assigned.lineId().toString());
                if (line == null) {
                    early.add(assigned);
                } else {
                    deliver(assigned, line);
                }
            }
        }
        consumer.close();
    }

    /** 수락: the member takes every line it is offered; the assignment follows on the stream. */
    private void accept(LineOffered offer) {
        inFlight.acquireUninterruptibly();
        HttpRequest post = tokens.authorize(
                        HttpRequest.newBuilder(URI.create(offers + offer.offerId() + "/acceptance")),
                        Callers.provider(offer.providerId()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        retrying.send(post).whenComplete((response, error) -> {
            inFlight.release();
            if (error == null && response.statusCode() == 200) {
                accepted.incrementAndGet();
            } else {
                failed.incrementAndGet();
                if (failures.size() < 5) {
                    failures.add("acceptance of " + offer.offerId() + ": "
                            + (error != null ? error.toString() : response.statusCode() + " " + response.body()));
                }
            }
        });
    }

    /** A worker of its own per line: every visit of the bench starts at nine, and one worker is at one door. */
    private static String workerOf(LineAssigned assigned) {
        return "W-" + assigned.lineId().toString().substring(0, 8);
    }

    private void deliver(LineAssigned assigned, Workload.Line line) {
        String body = line.timed()
                ? ("{\"lineId\":\"%s\",\"providerId\":\"%s\",\"serviceDate\":\"%s\","
                                + "\"startTime\":\"09:00\",\"endTime\":\"%s\",\"workerRef\":\"%s\","
                                + "%s\"outcome\":\"DELIVERED\"}")
                        .formatted(
                                assigned.lineId(),
                                assigned.providerId(),
                                deliveryDay,
                                LocalTime.of(9, 0).plusMinutes(line.minutes()),
                                workerOf(assigned),
                                // a trip is verified by its destination (병원): matching refuses one without it
                                line.type().equals("MOBILITY_SUPPORT") ? "\"place\":\"병원\"," : "")
                : ("{\"lineId\":\"%s\",\"providerId\":\"%s\",\"serviceDate\":\"%s\",\"units\":%d,"
                                + "\"workerRef\":\"%s\",\"outcome\":\"DELIVERED\"}")
                        .formatted(
                                assigned.lineId(),
                                assigned.providerId(),
                                deliveryDay,
                                line.quantity(),
                                workerOf(assigned));
        inFlight.acquireUninterruptibly();
        HttpRequest post = tokens.authorize(HttpRequest.newBuilder(deliveries), Callers.provider(assigned.providerId()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        retrying.send(post).whenComplete((response, error) -> {
            inFlight.release();
            if (error == null && response.statusCode() == 201) {
                delivered.incrementAndGet();
            } else {
                failed.incrementAndGet();
                if (failures.size() < 5) {
                    failures.add(error != null ? error.toString() : response.statusCode() + " " + response.body());
                }
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
        inFlight.acquire(IN_FLIGHT);
        executor.shutdownNow();
    }
}
