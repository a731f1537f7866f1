package kr.dolbom.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.dolbom.tokens.Callers;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole care-order lifecycle under load, as ratios to what this machine's PostgreSQL and Kafka can do
 * in the same run, with self-checks that every order is accounted for: a fast run that lost data fails.
 *
 * <p>Phases: ceilings; warm-up; throughput (orders as fast as the system takes them, timed from the first
 * request to the last KPI update); latency (a fixed request rate, open loop); freshness (half the
 * throughput phase's rate, measuring event time to read-model update in reporting); checks.
 */
public final class Bench {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

    private final BenchOptions options;
    private final LocalDate today = LocalDate.now(SEOUL);
    /** Deliveries are reported for yesterday: never in the future. */
    private final LocalDate deliveryDay = today.minusDays(1);

    Bench(BenchOptions options) {
        this.options = options;
    }

    /** Exits with 0 when every self-check passed, 1 when one failed, 2 for a command line it does not take. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchOptions()).execute(args));
    }

    /**
     * The run, secured as the system always is; with {@code --security-cost}, then the same workload again on a
     * fresh stack without security, for the comparison only.
     */
    Report run(PrintStream out) throws Exception {
        out.println("dolbom benchmark (" + (options.quick() ? "quick" : "full") + " run"
                + (options.securityCost() ? ", then again without security to measure its cost" : "")
                + "): starting the system…");
        Report report = measure(out, true);
        if (options.securityCost()) {
            out.println("The same workload again on a fresh stack with NO SECURITY — comparison only "
                    + "(DOLBOM_SECURITY_ENABLED=false: the same tokens, read but not checked): starting the system…");
            try {
                report.noSecurity = measure(out, false);
            } catch (NotOpen refused) {
                report.securityCostFailure = refused.getMessage();
            }
        }
        report.print(out);
        writeJson(report);
        out.println("Written to " + options.output());
        return report;
    }

    private Report measure(PrintStream out, boolean secured) throws Exception {
        Report report = new Report(options, Instant.now(), secured);
        try (Stack stack = Stack.start(options, secured)) {
            if (!secured) {
                requireOpen(stack);
            }
            Figures figures = new Figures(stack);
            out.println("Measuring this machine's ceilings…");
            report.ceilings = Ceilings.measure(stack, options);
            Figures.Totals baseline = figures.totals(YearMonth.from(today), YearMonth.from(deliveryDay), true);
            Map<String, List<ProcessHandle>> processes = stack.processes();
            Map<String, Double> cpuBefore = cpu(processes);
            double generatorBefore = ProcessStats.cpuSeconds(ProcessHandle.current());
            long runStarted = System.nanoTime();
            Workload workload = new Workload(today, deliveryDay);
            try (Traffic traffic = new Traffic(stack.baseUrl(8081), workload, stack.tokens());
                    Providers providers =
                            new Providers(stack.kafka(), stack.baseUrl(8082), traffic, deliveryDay, stack.tokens())) {
                Lifecycle lifecycle = new Lifecycle(figures, traffic, providers, baseline);

                out.println("Warming up with " + options.warmUpOrders() + " orders…");
                traffic.closedLoop(options.warmUpOrders(), options.concurrency());
                lifecycle.awaitSettled();

                String firstOffer = "dolbom_matching_first_offer_seconds_bucket";
                Map<String, Double> urgentBefore = figures.metric(firstOffer, "le", "urgent", "true", 8082);
                Map<String, Double> ordinaryBefore = figures.metric(firstOffer, "le", "urgent", "false", 8082);
                out.println("Throughput: " + options.orders() + " orders, " + options.concurrency() + " in flight…");
                report.throughput = lifecycle.measure(
                        "throughput",
                        options.orders(),
                        () -> traffic.closedLoop(options.orders(), options.concurrency()),
                        processes);

                out.println("Latency: " + options.rate() + " requests/s for " + options.latencySeconds() + " s…");
                Histogram[] latency = new Histogram[1];
                report.latency = lifecycle.measure(
                        "latency",
                        options.rate() * options.latencySeconds(),
                        () -> latency[0] = traffic.openLoop(options.rate(), options.latencySeconds()),
                        processes);
                report.latencyHistogram = latency[0];

                double half = Math.max(1, report.throughput.lifecycleOrdersPerSecond() / 2);
                out.printf("Freshness: %.0f orders/s (half the maximum) for %d s…%n", half, options.freshnessSeconds());
                Map<String, Double> before = figures.metric("dolbom_consumer_freshness_seconds_bucket", "le", 8084);
                Histogram[] sustainable = new Histogram[1];
                report.freshness = lifecycle.measure(
                        "freshness",
                        (int) Math.round(half * options.freshnessSeconds()),
                        () -> sustainable[0] = traffic.openLoop(half, options.freshnessSeconds()),
                        processes);
                report.halfRateLatencyHistogram = sustainable[0];
                Map<String, Double> after = figures.metric("dolbom_consumer_freshness_seconds_bucket", "le", 8084);
                report.freshnessP50 = Buckets.quantile(before, after, 0.50);
                report.freshnessP99 = Buckets.quantile(before, after, 0.99);
                report.freshnessEvents = Buckets.count(before, after);
                Map<String, Double> urgentAfter = figures.metric(firstOffer, "le", "urgent", "true", 8082);
                Map<String, Double> ordinaryAfter = figures.metric(firstOffer, "le", "urgent", "false", 8082);
                report.firstOfferUrgent = Report.Quantiles.of(urgentBefore, urgentAfter);
                report.firstOfferOrdinary = Report.Quantiles.of(ordinaryBefore, ordinaryAfter);

                double seconds = (System.nanoTime() - runStarted) / 1e9;
                Map<String, Double> cpuAfter = cpu(processes);
                processes.forEach((name, handles) -> report.resources.put(
                        name,
                        new Report.Resource(
                                ProcessStats.residentMiB(handles),
                                (cpuAfter.get(name) - cpuBefore.get(name)) / seconds)));
                // not part of the system's figures, but on the same two cores: what it takes from them is told
                report.resources.put(
                        "load generator (bench)",
                        new Report.Resource(
                                ProcessStats.residentMiB(List.of(ProcessHandle.current())),
                                (ProcessStats.cpuSeconds(ProcessHandle.current()) - generatorBefore) / seconds));
                report.retriedRequests = traffic.retrying.retries.get();
                report.retriedDeliveries = providers.retrying.retries.get();
                report.checks = Checks.of(
                        traffic,
                        providers,
                        figures.totals(YearMonth.from(today), YearMonth.from(deliveryDay), true)
                                .minus(baseline));
            }
        }
        return report;
    }

    /**
     * A stack started without security must take the callers from tokens it does not check (here: one whose
     * signature is broken); else the comparison would not leave out what it means to measure.
     */
    private static void requireOpen(Stack stack) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String token = stack.tokens().token(Callers.BILLING);
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        String url = stack.baseUrl(8083) + "/api/v1/tariffs";
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + forged)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new NotOpen("started with DOLBOM_SECURITY_ENABLED=false, the services still check tokens (GET "
                    + url + " with a token of a broken signature answered " + answer.statusCode() + " "
                    + answer.body() + "): there is no run without security to compare with");
        }
    }

    /** The comparison run is impossible: the services without security still check tokens. */
    static final class NotOpen extends RuntimeException {
        NotOpen(String message) {
            super(message, null, false, false);
        }
    }

    private static Map<String, Double> cpu(Map<String, List<ProcessHandle>> processes) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        processes.forEach((name, handles) -> cpu.put(name, ProcessStats.cpuSeconds(handles)));
        return cpu;
    }

    private void writeJson(Report report) throws IOException {
        Files.createDirectories(options.output().getParent());
        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(options.output(), json.writeValueAsString(report.asMap()) + "\n");
    }

    /** Runs a phase and waits until every order it sent has gone all the way to the KPIs. */
    final class Lifecycle {

        private final Figures figures;
        private final Traffic traffic;
        private final Providers providers;
        private final Figures.Totals baseline;

        Lifecycle(Figures figures, Traffic traffic, Providers providers, Figures.Totals baseline) {
            this.figures = figures;
            this.traffic = traffic;
            this.providers = providers;
            this.baseline = baseline;
        }

        interface Load {
            void send() throws Exception;
        }

        Report.Phase measure(String name, int orders, Load load, Map<String, List<ProcessHandle>> processes)
                throws Exception {
            long commits = figures.commits();
            long rowsRead = figures.rowsRead();
            double published = figures.total("dolbom_outbox_published_total", 8081, 8082, 8083, 8084);
            double consumed = figures.total("dolbom_consumer_events_total", 8081, 8082, 8083, 8084);
            Map<String, Double> cpu = cpu(processes);
            long sentBefore = traffic.sent.get();
            long started = System.nanoTime();
            load.send();
            double answered = (System.nanoTime() - started) / 1e9;
            awaitSettled();
            double settled = (System.nanoTime() - started) / 1e9;
            long sent = traffic.sent.get() - sentBefore;
            Map<String, Double> cpuAfter = cpu(processes);
            double cpuSeconds = cpuAfter.entrySet().stream()
                    .mapToDouble(e -> e.getValue() - cpu.get(e.getKey()))
                    .sum();
            // PostgreSQL publishes its transaction counts with a delay of up to a second.
            Thread.sleep(1_100);
            return new Report.Phase(
                    name,
                    sent,
                    settled,
                    sent / settled,
                    sent / answered,
                    (figures.commits() - commits) / settled,
                    (figures.rowsRead() - rowsRead) / settled,
                    (figures.total("dolbom_outbox_published_total", 8081, 8082, 8083, 8084) - published) / settled,
                    (figures.total("dolbom_consumer_events_total", 8081, 8082, 8083, 8084) - consumed) / settled,
                    cpuSeconds / settled);
        }

        /** Every line of every placed order delivered, and reporting counting each order and each charge. */
        void awaitSettled() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (providers.delivered.get() + providers.failed.get() >= traffic.linesPlaced.get()) {
                    Figures.Totals now = figures.totals(YearMonth.from(today), YearMonth.from(deliveryDay), false)
                            .minus(baseline);
                    if (now.placed() >= traffic.placed.get()
                            && now.rejected() >= traffic.rejected.get()
                            && now.kpiCharges() >= providers.delivered.get()) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the system did not settle within " + SETTLE_TIMEOUT.toMinutes()
                    + " minutes: " + providers.delivered.get() + " of " + traffic.linesPlaced.get()
                    + " lines delivered");
        }
    }

    /** Every order accounted for, in every service's own figures. */
    record Checks(List<String> passed, List<String> failed) {

        static Checks of(Traffic traffic, Providers providers, Figures.Totals delta) {
            List<String> passed = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            check(
                    passed,
                    failed,
                    traffic.failed.get() == 0 && traffic.placed.get() + traffic.rejected.get() == traffic.sent.get(),
                    "every request answered: %,d sent = %,d placed + %,d rejected (%,d failed %s)",
                    traffic.sent.get(),
                    traffic.placed.get(),
                    traffic.rejected.get(),
                    traffic.failed.get(),
                    traffic.failures);
            check(
                    passed,
                    failed,
                    traffic.placed.get() == traffic.eligibleSent.get(),
                    "eligibility as generated: %,d eligible requests, %,d placed",
                    traffic.eligibleSent.get(),
                    traffic.placed.get());
            check(
                    passed,
                    failed,
                    delta.placed() == traffic.placed.get() && delta.rejected() == traffic.rejected.get(),
                    "reporting counted the same orders: %,d placed, %,d rejected",
                    delta.placed(),
                    delta.rejected());
            check(
                    passed,
                    failed,
                    delta.linesRequested() == traffic.linesPlaced.get()
                            && delta.linesAssigned() == traffic.linesPlaced.get(),
                    "every line assigned: %,d requested, %,d assigned, %,d placed",
                    delta.linesRequested(),
                    delta.linesAssigned(),
                    traffic.linesPlaced.get());
            check(
                    passed,
                    failed,
                    providers.failed.get() == 0 && providers.delivered.get() == traffic.linesPlaced.get(),
                    "every line delivered: %,d of %,d (%,d refused %s)",
                    providers.delivered.get(),
                    traffic.linesPlaced.get(),
                    providers.failed.get(),
                    providers.failures);
            check(
                    passed,
                    failed,
                    delta.billedDeliveries() == providers.delivered.get()
                            && delta.kpiDeliveries() == providers.delivered.get(),
                    "each delivery charged once: %,d deliveries, %,d charges in billing, %,d deliveries in the KPIs",
                    providers.delivered.get(),
                    delta.billedDeliveries(),
                    delta.kpiDeliveries());
            check(
                    passed,
                    failed,
                    delta.kpiCharges() == delta.billedDeliveries() && delta.kpiChargedAmount() == delta.billedAmount(),
                    "the KPIs equal the books: %,d charges and %,d KRW in the KPIs, %,d and %,d KRW in billing's "
                            + "settlements",
                    delta.kpiCharges(),
                    delta.kpiChargedAmount(),
                    delta.billedDeliveries(),
                    delta.billedAmount());
            check(passed, failed, delta.deadLetters() == 0, "no dead letters: %,d", delta.deadLetters());
            return new Checks(passed, failed);
        }

        private static void check(List<String> passed, List<String> failed, boolean ok, String format, Object... args) {
            (ok ? passed : failed).add(String.format(format, args));
        }
    }
}
