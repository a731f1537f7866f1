package kr.dolbom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class LoadSheddingFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();
    private final LoadSheddingFilter filter =
            new LoadSheddingFilter(1, "/actuator", new ProblemResponses(ServerCodecConfigurer.create()), meters);

    private final WebTestClient http = WebTestClient.bindToWebHandler(this::held)
            .webFilter(filter)
            .configureClient()
            .responseTimeout(Duration.ofSeconds(30))
            .build();

    @AfterEach
    void releaseTheHeldRequest() {
        release.countDown();
    }

    /** A handler that holds its request open until the test lets it go, as a slow database would. */
    private Mono<Void> held(ServerWebExchange exchange) {
        entered.incrementAndGet();
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            return exchange.getResponse().setComplete();
        }
        return Mono.fromRunnable(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.defer(() -> {
                    exchange.getResponse().setStatusCode(HttpStatus.OK);
                    return exchange.getResponse().setComplete();
                }));
    }

    @Test
    void pastTheBoundARequestIsAnswered503AtOnceAndTheHeldOneIsUnaffected() {
        Thread holder = holdOneRequest();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> entered.get() == 1);

        long started = System.nanoTime();
        http.get()
                .uri("/api/v1/kpis/monthly")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .valueEquals("Retry-After", "1")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("capacity"));
        Duration toShed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(entered.get())
                .as("the shed request never reached the handler")
                .isEqualTo(1);
        assertThat(meters.counter("dolbom.web.shed").count()).isEqualTo(1);
        // The held request is still open, so an answer at all proves the second did not wait for it; the bound
        // is generous for a cold JVM on a busy two-core machine (the first shed loads the JSON encoder).
        assertThat(toShed).isLessThan(Duration.ofSeconds(15));
        long warmest = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long each = System.nanoTime();
            http.get().uri("/api/v1/kpis/monthly").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            warmest = Math.min(warmest, System.nanoTime() - each);
        }
        assertThat(meters.counter("dolbom.web.shed").count()).isEqualTo(21);
        System.out.printf(
                "time to 503 with one request held: first %d ms, warm %.2f ms%n", toShed.toMillis(), warmest / 1e6);
        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !holder.isAlive());
    }

    @Test
    void actuatorPathsAreNeverShed() {
        Thread holder = holdOneRequest();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> entered.get() == 1);

        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();

        assertThat(meters.counter("dolbom.web.shed").count()).isZero();
        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !holder.isAlive());
    }

    @Test
    void aFinishedRequestFreesItsPlace() {
        release.countDown();
        for (int i = 0; i < 5; i++) {
            // The place is given back when the exchange completes, a moment after the client has its answer.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> meters.get("dolbom.web.in.flight").gauge().value() == 0);
            http.get().uri("/api/v1/providers").exchange().expectStatus().isOk();
        }
        assertThat(meters.counter("dolbom.web.shed").count()).isZero();
    }

    private Thread holdOneRequest() {
        Thread holder = new Thread(
                () -> http.get()
                        .uri("/api/v1/kpis/monthly")
                        .exchange()
                        .expectStatus()
                        .isOk(),
                "held-request");
        holder.start();
        return holder;
    }
}
