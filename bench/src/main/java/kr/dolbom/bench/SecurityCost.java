package kr.dolbom.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What token validation costs: the same workload run twice, one run after the other, each on a fresh stack, first
 * with security (every call with a bearer JWT that each service checks) and then without (the services started
 * with {@code DOLBOM_SECURITY_ENABLED=false}: the same tokens, read but not checked). The second run is for this comparison only.
 *
 * @param securedOrdersPerSecond throughput phase, first request to last KPI update
 * @param securedP99Millis intake POST p99 at the latency phase's fixed rate
 */
record SecurityCost(
        double securedOrdersPerSecond,
        double openOrdersPerSecond,
        double securedRequestsPerSecond,
        double openRequestsPerSecond,
        double securedP99Millis,
        double openP99Millis,
        int rate) {

    static SecurityCost of(Report secured, Report open) {
        return new SecurityCost(
                secured.throughput.lifecycleOrdersPerSecond(),
                open.throughput.lifecycleOrdersPerSecond(),
                secured.throughput.requestsPerSecond(),
                open.throughput.requestsPerSecond(),
                secured.p99Millis(),
                open.p99Millis(),
                secured.rate());
    }

    /** How much the secured figure differs from the open one, in % of the open one. */
    static double change(double secured, double open) {
        return open == 0 ? Double.NaN : (secured - open) / open * 100;
    }

    void print(PrintStream out) {
        out.println("\n== Cost of security: the same workload with and without token validation, consecutive runs ==");
        out.printf("  %-44s %12s %14s %11s%n", "", "secured", "NO SECURITY", "difference");
        row(out, "throughput, lifecycle orders/s", securedOrdersPerSecond, openOrdersPerSecond, "%,12.1f");
        row(out, "throughput, intake requests answered/s", securedRequestsPerSecond, openRequestsPerSecond, "%,12.1f");
        row(out, "intake POST p99 at " + rate + " requests/s, ms", securedP99Millis, openP99Millis, "%12.1f");
        out.println(
                "  (NO SECURITY — comparison only: services with DOLBOM_SECURITY_ENABLED=false, tokens read unchecked;"
                        + " a run on two loaded cores varies by several % on its own)");
    }

    private static void row(PrintStream out, String what, double secured, double open, String format) {
        out.printf(
                "  %-44s " + format + " " + format.replace("12", "14") + " %+10.1f%%%n",
                what,
                secured,
                open,
                change(secured, open));
    }

    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(
                "secured",
                Map.of(
                        "lifecycleOrdersPerSecond", securedOrdersPerSecond,
                        "requestsPerSecond", securedRequestsPerSecond,
                        "intakeP99Millis", securedP99Millis));
        map.put(
                "noSecurity",
                Map.of(
                        "lifecycleOrdersPerSecond", openOrdersPerSecond,
                        "requestsPerSecond", openRequestsPerSecond,
                        "intakeP99Millis", openP99Millis));
        map.put("lifecycleOrdersPerSecondChangePercent", finite(change(securedOrdersPerSecond, openOrdersPerSecond)));
        map.put("requestsPerSecondChangePercent", finite(change(securedRequestsPerSecond, openRequestsPerSecond)));
        map.put("intakeP99ChangePercent", finite(change(securedP99Millis, openP99Millis)));
        map.put("rate", rate);
        return map;
    }

    private static Object finite(double value) {
        return Double.isFinite(value) ? value : "n/a";
    }
}
