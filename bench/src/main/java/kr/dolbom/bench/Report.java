package kr.dolbom.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The figures of a run, as a table for people and as JSON for comparing runs. */
final class Report {

    static final double TARGET_ORDERS_PER_SECOND = 1_000;
    static final double TARGET_P99_MILLIS = 25;
    static final double TARGET_FRESHNESS_P99_SECONDS = 1;
    static final double TARGET_CPU_MILLIS_PER_ORDER = 4;
    static final double TARGET_COMMITS_PER_ORDER = 3;

    /**
     * One phase, timed from its first request to the moment the KPIs counted its last charge.
     *
     * @param cores CPU the whole system used (services, broker, database), in cores
     */
    record Phase(
            String name,
            long orders,
            double seconds,
            double lifecycleOrdersPerSecond,
            double requestsPerSecond,
            double commitsPerSecond,
            double rowsReadPerSecond,
            double eventsPublishedPerSecond,
            double eventsConsumedPerSecond,
            double cores) {}

    /** @param cores average CPU over the whole run, in cores */
    record Resource(long residentMiB, double cores) {}

    private final BenchOptions options;
    private final Instant started;
    private final boolean secured;
    /** The same workload without security, when the run measures what security costs. */
    Report noSecurity;
    /** Why the cost of security was asked for and could not be measured; null when it was, or was not asked. */
    String securityCostFailure;

    Ceilings.Result ceilings;
    Phase throughput;
    Phase latency;
    Histogram latencyHistogram;
    Phase freshness;
    Histogram halfRateLatencyHistogram;
    double freshnessP50 = Double.NaN;
    double freshnessP99 = Double.NaN;
    long freshnessEvents;
    /** From an order becoming matchable (urgent: placed; else: its plan approved) to its lines' first offers. */
    Quantiles firstOfferUrgent = Quantiles.NONE;

    Quantiles firstOfferOrdinary = Quantiles.NONE;

    record Quantiles(double p50, double p99, long count) {

        static final Quantiles NONE = new Quantiles(Double.NaN, Double.NaN, 0);

        static Quantiles of(Map<String, Double> before, Map<String, Double> after) {
            return new Quantiles(
                    Buckets.quantile(before, after, 0.50),
                    Buckets.quantile(before, after, 0.99),
                    Buckets.count(before, after));
        }
    }

    final Map<String, Resource> resources = new LinkedHashMap<>();
    /** Answers of 503 + Retry-After (load shed, nothing recorded) that the simulated clients sent again. */
    long retriedRequests;

    long retriedDeliveries;
    Bench.Checks checks;

    Report(BenchOptions options, Instant started, boolean secured) {
        this.options = options;
        this.started = started;
        this.secured = secured;
    }

    /** This run's self-checks and, when there was one, the comparison run's. */
    boolean checksPassed() {
        return checks != null
                && checks.failed().isEmpty()
                && securityCostFailure == null
                && (noSecurity == null || noSecurity.checksPassed());
    }

    boolean secured() {
        return secured;
    }

    int rate() {
        return options.rate();
    }

    double p99Millis() {
        return millis(99);
    }

    void print(PrintStream out) {
        out.printf(
                "%n== dolbom benchmark%s, %s run of %s, %d cores ==%n",
                secured ? "" : ", NO SECURITY — comparison only",
                options.quick() ? "quick" : "full",
                started,
                Runtime.getRuntime().availableProcessors());
        out.println(
                secured
                        ? "Security on: every call with a bearer JWT of the stack's issuer, checked by each service"
                        : "NO SECURITY — comparison only: services with DOLBOM_SECURITY_ENABLED=false, tokens read unchecked;"
                                + " these figures are not the system's");
        out.println(
                options.unsafeCommits()
                        ? "PostgreSQL NOT DURABLE (--unsafe-commits: synchronous_commit=off, fsync=off): a crash loses "
                                + "answered commits; these figures are not the system's"
                        : "PostgreSQL durable (synchronous_commit=on, fsync=on)");
        out.println("\nCeilings (this machine, this run, the system's own PostgreSQL and Kafka)");
        out.printf(
                "  PostgreSQL single-row insert+commit, %d clients  %,10.0f /s%n",
                Ceilings.POSTGRES_CLIENTS, ceilings.postgresCommitsPerSecond());
        out.printf(
                "  Kafka producer, acks=all, idempotent, %d B      %,10.0f records/s%n",
                ceilings.recordBytes(), ceilings.kafkaProducedPerSecond());
        out.printf(
                "  Kafka consumer                                  %,10.0f records/s%n",
                ceilings.kafkaConsumedPerSecond());
        phase(out, throughput, "orders as fast as they are taken, " + options.concurrency() + " in flight");
        phase(out, latency, options.rate() + " requests/s, open loop");
        out.printf(
                "  intake POST latency   p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms"
                        + "   (target p99 < %.0f ms: %s)%n",
                millis(50),
                millis(95),
                millis(99),
                latencyHistogram.getMaxValue() / 1000.0,
                TARGET_P99_MILLIS,
                millis(99) < TARGET_P99_MILLIS ? "met" : "missed");
        phase(out, freshness, "half the throughput phase's rate, open loop");
        out.printf(
                "  intake POST latency   p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                halfRateLatencyHistogram.getValueAtPercentile(50) / 1000.0,
                halfRateLatencyHistogram.getValueAtPercentile(95) / 1000.0,
                halfRateLatencyHistogram.getValueAtPercentile(99) / 1000.0,
                halfRateLatencyHistogram.getMaxValue() / 1000.0);
        out.printf(
                "  KPI freshness (event time -> read model)  p50 %.3f s  p99 %.3f s over %,d events"
                        + "   (target p99 < %.0f s: %s)%n",
                freshnessP50,
                freshnessP99,
                freshnessEvents,
                TARGET_FRESHNESS_P99_SECONDS,
                freshnessP99 < TARGET_FRESHNESS_P99_SECONDS ? "met" : "missed");
        out.printf(
                "  Time to first offer (matchable -> offered)  urgent p50 %.3f s  p99 %.3f s over %,d lines;"
                        + "  ordinary p50 %.3f s  p99 %.3f s over %,d lines%n",
                firstOfferUrgent.p50(),
                firstOfferUrgent.p99(),
                firstOfferUrgent.count(),
                firstOfferOrdinary.p50(),
                firstOfferOrdinary.p99(),
                firstOfferOrdinary.count());
        out.println("\nResources over the whole run (1.00 = one core busy; memory is PSS, shared pages split)");
        resources.forEach((name, resource) ->
                out.printf("  %-22s %5.2f cores  %,6d MiB%n", name, resource.cores(), resource.residentMiB()));
        out.printf(
                "%nLoad shed with 503 and Retry-After, then sent again by the clients: %,d requests, "
                        + "%,d delivery reports%n",
                retriedRequests, retriedDeliveries);
        out.println("\nSelf-checks");
        checks.passed().forEach(line -> out.println("  ok      " + line));
        checks.failed().forEach(line -> out.println("  FAILED  " + line));
        out.println(
                checks.failed().isEmpty()
                        ? "\nAll orders accounted for."
                        : "\nSELF-CHECK FAILED: the figures above do not count.");
        if (noSecurity != null) {
            noSecurity.print(out);
            SecurityCost.of(this, noSecurity).print(out);
        }
        if (securityCostFailure != null) {
            out.println("\nCost of security NOT MEASURED: " + securityCostFailure);
        }
    }

    private void phase(PrintStream out, Phase phase, String how) {
        out.printf("%n%s: %,d orders, %s%n", capitalised(phase.name()), phase.orders(), how);
        out.printf(
                "  lifecycle, first request to last KPI update   %,8.1f orders/s  (%.1f s)%s%n",
                phase.lifecycleOrdersPerSecond(),
                phase.seconds(),
                phase == throughput
                        ? String.format(
                                "   (target >= %,.0f: %s)",
                                TARGET_ORDERS_PER_SECOND,
                                phase.lifecycleOrdersPerSecond() >= TARGET_ORDERS_PER_SECOND ? "met" : "missed")
                        : "");
        out.printf("  intake requests answered                      %,8.1f /s%n", phase.requestsPerSecond());
        out.printf(
                "  PostgreSQL commits                            %,8.0f /s  = %.3f of the ceiling (%.1f per order;"
                        + " target <= %.0f: %s)%n",
                phase.commitsPerSecond(),
                phase.commitsPerSecond() / ceilings.postgresCommitsPerSecond(),
                commitsPerOrder(phase),
                TARGET_COMMITS_PER_ORDER,
                commitsPerOrder(phase) <= TARGET_COMMITS_PER_ORDER ? "met" : "missed");
        out.printf(
                "  PostgreSQL rows read                          %,8.0f /s  = %,.0f per order%n",
                phase.rowsReadPerSecond(), phase.rowsReadPerSecond() / phase.lifecycleOrdersPerSecond());
        out.printf(
                "  events published                              %,8.0f /s  = %.3f of the producer ceiling%n",
                phase.eventsPublishedPerSecond(), phase.eventsPublishedPerSecond() / ceilings.kafkaProducedPerSecond());
        out.printf(
                "  events consumed                               %,8.0f /s  = %.3f of the consumer ceiling%n",
                phase.eventsConsumedPerSecond(), phase.eventsConsumedPerSecond() / ceilings.kafkaConsumedPerSecond());
        out.printf(
                "  CPU, whole system                             %8.2f cores  = %.1f ms per order   (target <= %.0f: %s)%n",
                phase.cores(),
                cpuMillisPerOrder(phase),
                TARGET_CPU_MILLIS_PER_ORDER,
                cpuMillisPerOrder(phase) <= TARGET_CPU_MILLIS_PER_ORDER ? "met" : "missed");
    }

    private static double commitsPerOrder(Phase phase) {
        return phase.commitsPerSecond() / phase.lifecycleOrdersPerSecond();
    }

    private static double cpuMillisPerOrder(Phase phase) {
        return phase.cores() * phase.seconds() * 1000 / phase.orders();
    }

    private double millis(double percentile) {
        return latencyHistogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(
                "run",
                Map.of(
                        "mode",
                        options.quick() ? "quick" : "full",
                        "started",
                        started.toString(),
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "orders",
                        options.orders(),
                        "concurrency",
                        options.concurrency(),
                        "rate",
                        options.rate(),
                        "durable",
                        !options.unsafeCommits(),
                        "security",
                        secured));
        map.put(
                "ceilings",
                Map.of(
                        "postgresInsertCommitsPerSecond",
                        ceilings.postgresCommitsPerSecond(),
                        "postgresClients",
                        Ceilings.POSTGRES_CLIENTS,
                        "kafkaProducedRecordsPerSecond",
                        ceilings.kafkaProducedPerSecond(),
                        "kafkaConsumedRecordsPerSecond",
                        ceilings.kafkaConsumedPerSecond(),
                        "recordBytes",
                        ceilings.recordBytes()));
        for (Phase phase : new Phase[] {throughput, latency, freshness}) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("orders", phase.orders());
            figures.put("seconds", phase.seconds());
            figures.put("lifecycleOrdersPerSecond", phase.lifecycleOrdersPerSecond());
            figures.put("requestsPerSecond", phase.requestsPerSecond());
            figures.put("commitsPerSecond", phase.commitsPerSecond());
            figures.put("commitsPerOrder", phase.commitsPerSecond() / phase.lifecycleOrdersPerSecond());
            figures.put("commitsToCeiling", phase.commitsPerSecond() / ceilings.postgresCommitsPerSecond());
            figures.put("rowsReadPerOrder", phase.rowsReadPerSecond() / phase.lifecycleOrdersPerSecond());
            figures.put("eventsPublishedPerSecond", phase.eventsPublishedPerSecond());
            figures.put("publishedToCeiling", phase.eventsPublishedPerSecond() / ceilings.kafkaProducedPerSecond());
            figures.put("eventsConsumedPerSecond", phase.eventsConsumedPerSecond());
            figures.put("consumedToCeiling", phase.eventsConsumedPerSecond() / ceilings.kafkaConsumedPerSecond());
            figures.put("cores", phase.cores());
            figures.put("cpuMillisPerOrder", cpuMillisPerOrder(phase));
            figures.put("commitsPerOrder", commitsPerOrder(phase));
            map.put(phase.name(), figures);
        }
        map.put(
                "intakeLatencyMillis",
                Map.of(
                        "p50",
                        millis(50),
                        "p95",
                        millis(95),
                        "p99",
                        millis(99),
                        "max",
                        latencyHistogram.getMaxValue() / 1000.0,
                        "requests",
                        latencyHistogram.getTotalCount()));
        map.put(
                "intakeLatencyAtHalfRateMillis",
                Map.of(
                        "p50", halfRateLatencyHistogram.getValueAtPercentile(50) / 1000.0,
                        "p95", halfRateLatencyHistogram.getValueAtPercentile(95) / 1000.0,
                        "p99", halfRateLatencyHistogram.getValueAtPercentile(99) / 1000.0,
                        "max", halfRateLatencyHistogram.getMaxValue() / 1000.0,
                        "requestsPerSecond", freshness.requestsPerSecond()));
        map.put(
                "kpiFreshnessSeconds",
                Map.of("p50", finite(freshnessP50), "p99", finite(freshnessP99), "events", freshnessEvents));
        map.put(
                "firstOfferSeconds",
                Map.of(
                        "urgent",
                        Map.of(
                                "p50", finite(firstOfferUrgent.p50()),
                                "p99", finite(firstOfferUrgent.p99()),
                                "lines", firstOfferUrgent.count()),
                        "ordinary",
                        Map.of(
                                "p50", finite(firstOfferOrdinary.p50()),
                                "p99", finite(firstOfferOrdinary.p99()),
                                "lines", firstOfferOrdinary.count())));
        map.put("resources", resources);
        map.put("retriedAfter503", Map.of("requests", retriedRequests, "deliveryReports", retriedDeliveries));
        map.put(
                "targets",
                Map.of(
                        "lifecycleOrdersPerSecond",
                                Map.of(
                                        "target",
                                        TARGET_ORDERS_PER_SECOND,
                                        "met",
                                        throughput.lifecycleOrdersPerSecond() >= TARGET_ORDERS_PER_SECOND),
                        "intakeP99Millis", Map.of("target", TARGET_P99_MILLIS, "met", millis(99) < TARGET_P99_MILLIS),
                        "kpiFreshnessP99Seconds",
                                Map.of(
                                        "target",
                                        TARGET_FRESHNESS_P99_SECONDS,
                                        "met",
                                        freshnessP99 < TARGET_FRESHNESS_P99_SECONDS)));
        map.put("checks", Map.of("passed", checks.passed(), "failed", checks.failed()));
        if (noSecurity != null) {
            map.put("securityCost", SecurityCost.of(this, noSecurity).asMap());
            map.put("noSecurityRun", noSecurity.asMap());
        }
        if (securityCostFailure != null) {
            map.put("securityCost", Map.of("measured", false, "reason", securityCostFailure));
        }
        return map;
    }

    /** JSON has no infinity: a percentile beyond the last bucket is written as null. */
    private static Object finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
