package kr.dolbom.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What to run. The defaults are a full run of a few minutes; {@code --quick} is the CI smoke run of the
 * same phases at a small scale, which still checks every order end to end.
 *
 * @param orders            orders of the throughput phase, sent as fast as the system takes them
 * @param concurrency       requests in flight during the throughput phase
 * @param rate              requests per second of the latency phase (an open loop: the rate does not bend to the system)
 * @param latencySeconds    length of the latency phase
 * @param freshnessSeconds  length of the freshness phase, run at half the throughput phase's rate
 * @param external          measure a stack that is already running at the offset ports instead of starting one
 */
record BenchOptions(boolean quick, int warmUpOrders, int orders, int concurrency, int rate, int latencySeconds,
        int freshnessSeconds, int ceilingSeconds, int kafkaCeilingRecords, int portOffset, boolean external,
        boolean profile, Path repository, Path output) {

    static BenchOptions parse(String... args) {
        boolean quick = false;
        for (String arg : args) {
            quick |= arg.equals("--quick");
        }
        Path repository = findRepository();
        BenchOptions options = quick
                ? new BenchOptions(true, 50, 400, 16, 100, 5, 5, 2, 20_000, 30_000, false, false, repository,
                        repository.resolve("bench/target/bench/bench-result.json"))
                : new BenchOptions(false, 3_000, 6_000, 64, 500, 20, 20, 8, 200_000, 30_000, false, false, repository,
                        repository.resolve("bench/target/bench/bench-result.json"));
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.equals("--quick")) {
                continue;
            } else if (arg.startsWith("--warm-up=")) {
                options = new BenchOptions(options.quick, Integer.parseInt(value), options.orders, options.concurrency,
                        options.rate, options.latencySeconds, options.freshnessSeconds, options.ceilingSeconds,
                        options.kafkaCeilingRecords, options.portOffset, options.external, options.profile,
                        options.repository, options.output);
            } else if (arg.startsWith("--orders=")) {
                options = options.with(Integer.parseInt(value), options.concurrency, options.rate);
            } else if (arg.startsWith("--concurrency=")) {
                options = options.with(options.orders, Integer.parseInt(value), options.rate);
            } else if (arg.startsWith("--rate=")) {
                options = options.with(options.orders, options.concurrency, Integer.parseInt(value));
            } else if (arg.startsWith("--port-offset=")) {
                options = new BenchOptions(options.quick, options.warmUpOrders, options.orders, options.concurrency,
                        options.rate, options.latencySeconds, options.freshnessSeconds, options.ceilingSeconds,
                        options.kafkaCeilingRecords, Integer.parseInt(value), options.external, options.profile,
                        options.repository, options.output);
            } else if (arg.equals("--external")) {
                options = new BenchOptions(options.quick, options.warmUpOrders, options.orders, options.concurrency,
                        options.rate, options.latencySeconds, options.freshnessSeconds, options.ceilingSeconds,
                        options.kafkaCeilingRecords, options.portOffset, true, options.profile, options.repository,
                        options.output);
            } else if (arg.equals("--profile")) {
                options = new BenchOptions(options.quick, options.warmUpOrders, options.orders, options.concurrency,
                        options.rate, options.latencySeconds, options.freshnessSeconds, options.ceilingSeconds,
                        options.kafkaCeilingRecords, options.portOffset, options.external, true, options.repository,
                        options.output);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + usage());
            }
        }
        return options;
    }

    static String usage() {
        return """
                usage: bench/run.sh [--quick] [--warm-up=N] [--orders=N] [--concurrency=N] [--rate=N] [--port-offset=N] [--external] [--profile]
                  --quick          the CI smoke run: same phases and self-checks, small scale (about a minute)
                  --warm-up=N      orders sent before measuring, so that the JIT has compiled the hot paths (default 3000)
                  --orders=N       orders of the throughput phase (default 6000)
                  --concurrency=N  requests in flight in the throughput phase (default 64)
                  --rate=N         requests/s of the fixed-rate latency phase (default 500)
                  --port-offset=N  where the benchmark's own stack listens (default 30000: 38081-38084, 39092, 45432)
                  --external       use a stack already running at those ports instead of starting a fresh one
                  --profile        record the services with Java Flight Recorder (bench/target/bench/*.jfr)""";
    }

    private BenchOptions with(int orders, int concurrency, int rate) {
        return new BenchOptions(quick, warmUpOrders, orders, concurrency, rate, latencySeconds, freshnessSeconds,
                ceilingSeconds, kafkaCeilingRecords, portOffset, external, profile, repository, output);
    }

    int port(int base) {
        return base + portOffset;
    }

    Path workDirectory() {
        return output.getParent();
    }

    private static Path findRepository() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy/local"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run the benchmark from inside the repository (no mvnw above " + here + ")");
    }
}
