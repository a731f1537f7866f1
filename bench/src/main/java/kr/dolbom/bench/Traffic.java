package kr.dolbom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import kr.dolbom.tokens.Callers;
import kr.dolbom.tokens.TokenClient;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends care requests to intake over HTTP, as the dong centres would (as the district's window, with its token),
 * and keeps what the answers said: each placed order's lines, for the simulated providers to deliver.
 */
final class Traffic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(executor)
            .build();
    private final URI intake;
    private final Workload workload;
    private final TokenClient tokens;
    final Retrying retrying = new Retrying(http);

    final AtomicLong sent = new AtomicLong();
    final AtomicLong placed = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong eligibleSent = new AtomicLong();
    final AtomicLong linesPlaced = new AtomicLong();
    /** Placed orders whose care plan was approved (all but the urgent ones, matched at once). */
    final AtomicLong planned = new AtomicLong();

    private static final int PLANS_IN_FLIGHT = 8;
    private final Semaphore plansInFlight = new Semaphore(PLANS_IN_FLIGHT);
    private final Queue<Runnable> waitingPlans = new ConcurrentLinkedQueue<>();

    final AtomicLong failed = new AtomicLong();
    final List<String> failures = new CopyOnWriteArrayList<>();
    /** Lines of placed orders by line id, until their delivery is reported. */
    final Map<String, Workload.Line> openLines = new ConcurrentHashMap<>();

    Traffic(String intakeBaseUrl, Workload workload, TokenClient tokens) {
        this.intake = URI.create(intakeBaseUrl + "/api/v1/care-requests");
        this.workload = workload;
        this.tokens = tokens;
    }

    /** Sends {@code count} requests with at most {@code concurrency} in flight; returns when all are answered. */
    void closedLoop(int count, int concurrency) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            submit().whenComplete((answer, error) -> inFlight.release());
        }
        inFlight.acquire(concurrency);
    }

    /**
     * Sends requests at a fixed rate whatever the answers do, and records each one's latency from the moment
     * it was due, not from when it left: a slow answer that delays the next send is counted, not hidden.
     */
    Histogram openLoop(double perSecond, int seconds) throws InterruptedException {
        // Auto-resizing: a saturated run's latencies pass any bound set beforehand, and a value above a fixed one
        // throws inside the completion below, so that the answer was never counted (the "unanswered" requests of
        // the full runs that failed).
        ConcurrentHistogram latencies = new ConcurrentHistogram(3);
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long count = (long) (perSecond * seconds);
        Semaphore outstanding = new Semaphore(0);
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            submit().whenComplete((answer, error) -> {
                try {
                    latencies.recordValue(Math.max(1, (System.nanoTime() - due) / 1_000));
                } finally {
                    outstanding.release();
                }
            });
        }
        // Above the system's capacity the backlog drains after the last send, shed and sent again: a slow run is
        // waited for and reported as slow; only a system that stops answering at all fails it.
        for (long answered = 0; answered < count; answered += 1 + outstanding.drainPermits()) {
            if (!outstanding.tryAcquire(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException((count - answered) + " requests of the fixed-rate phase still"
                        + " unanswered, none answered in the last 60 s");
            }
        }
        return latencies;
    }

    private CompletableFuture<Void> submit() {
        Workload.Request request = workload.next();
        sent.incrementAndGet();
        if (request.eligible()) {
            eligibleSent.incrementAndGet();
        }
        HttpRequest post = tokens.authorize(HttpRequest.newBuilder(intake), Callers.WINDOW)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + ProcessHandle.current().pid() + "-" + request.number())
                .POST(HttpRequest.BodyPublishers.ofString(request.json()))
                .build();
        return retrying.send(post).handle((response, error) -> {
            if (error != null || response.statusCode() != 201) {
                failed.incrementAndGet();
                if (failures.size() < 5) {
                    failures.add(error != null ? error.toString() : response.statusCode() + " " + response.body());
                }
                return null;
            }
            JsonNode answer = JSON.readTree(response.body());
            if ("REJECTED".equals(answer.path("status").asString())) {
                rejected.incrementAndGet();
                return null;
            }
            placed.incrementAndGet();
            JsonNode lines = answer.path("lines");
            List<String> lineIds = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                lineIds.add(lines.get(i).path("lineId").asString());
                openLines.put(lineIds.get(i), request.lines().get(i));
                linesPlaced.incrementAndGet();
            }
            if (!request.urgent()) {
                // not part of the request's latency: the care manager plans later, and only then is it matched
                approvePlan(answer.path("careOrderId").asString(), lineIds, request);
            }
            return null;
        });
    }

    /**
     * 돌봄계획: the lead care manager drafts the order's plan and approves it; a failure is counted and told. At most
     * {@link #PLANS_IN_FLIGHT} at once, as a few care managers would: plans wait their turn rather than crowd out the
     * requests whose latency is measured.
     */
    private void approvePlan(String order, List<String> lineIds, Workload.Request request) {
        waitingPlans.add(() -> planFor(order, lineIds, request).whenComplete((done, error) -> {
            plansInFlight.release();
            startPlans();
        }));
        startPlans();
    }

    /** Never blocks: the HTTP client's threads that call it also complete the plans. */
    private void startPlans() {
        while (!waitingPlans.isEmpty() && plansInFlight.tryAcquire()) {
            Runnable next = waitingPlans.poll();
            if (next == null) {
                plansInFlight.release();
                return;
            }
            next.run();
        }
    }

    private CompletableFuture<Void> planFor(String order, List<String> lineIds, Workload.Request request) {
        URI plan = intake.resolve("/api/v1/care-orders/" + order + "/plan/");
        HttpRequest draft = tokens.authorize(HttpRequest.newBuilder(plan.resolve("draft")), Callers.CARE_LEAD)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(workload.plan(lineIds, request.lines())))
                .build();
        HttpRequest approval = tokens.authorize(HttpRequest.newBuilder(plan.resolve("approval")), Callers.CARE_LEAD)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return retrying.send(draft)
                .thenCompose(drafted -> drafted.statusCode() == 200
                        ? retrying.send(approval)
                        : CompletableFuture.completedFuture(drafted))
                .handle((response, error) -> {
                    if (error == null && response.statusCode() == 200) {
                        planned.incrementAndGet();
                        return null;
                    }
                    failed.incrementAndGet();
                    if (failures.size() < 5) {
                        failures.add("plan of " + order + ": "
                                + (error != null ? error.toString() : response.statusCode() + " " + response.body()));
                    }
                    // never matched, so never delivered: the lines leave the count the settling waits for
                    lineIds.forEach(line -> {
                        openLines.remove(line);
                        linesPlaced.decrementAndGet();
                    });
                    return null;
                });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
