package kr.dolbom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What to run. The defaults are a full run of a few minutes; {@code --quick} is the CI smoke run of the
 * same phases at a small scale, which still checks every order end to end. A figure given on the command
 * line wins over its scale's, whichever comes first.
 */
@Command(
        name = "bench/run.sh",
        sortOptions = false,
        sortSynopsis = false,
        usageHelpAutoWidth = true,
        description = {
            "The whole care-order lifecycle under load on a local stack of its own, secured as the system always is "
                    + "(every call with a token of the stack's issuer), measured against this machine's PostgreSQL and "
                    + "Kafka ceilings, with self-checks that every order is accounted for. "
                    + "Prints the figures and writes them to bench/target/bench/bench-result.json; exits with 1 when "
                    + "a self-check fails.",
            ""
        },
        footer = {
            "",
            "Environment:",
            "  DOLBOM_BENCH_SERVICE_JAVA_OPTS  more JVM flags for the services,",
            "                                  e.g. an async-profiler agent"
        })
final class BenchOptions implements Callable<Integer> {

    @Option(
            names = "--quick",
            description = "the CI smoke run: same phases and self-checks, small scale (about a minute)")
    private boolean quick;

    // Null when not given: the default depends on --quick, which may come later on the line.
    @Option(
            names = "--warm-up",
            paramLabel = "N",
            description = "orders sent before measuring, so that the JIT has compiled the hot paths "
                    + "(default 3000; 50 with --quick)")
    private Integer warmUpOrders;

    @Option(
            names = "--orders",
            paramLabel = "N",
            description = "orders of the throughput phase, sent as fast as the system takes them "
                    + "(default 6000; 400 with --quick)")
    private Integer orders;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "requests in flight in the throughput phase (default 64; 16 with --quick)")
    private Integer concurrency;

    @Option(
            names = "--rate",
            paramLabel = "N",
            description = "requests/s of the latency phase, an open loop: the rate does not bend to the system "
                    + "(default 500; 100 with --quick)")
    private Integer rate;

    @Option(
            names = "--security-cost",
            description = "measure what token validation costs: the same run again right after, on a fresh stack "
                    + "without security (NO SECURITY, comparison only: DOLBOM_SECURITY_ENABLED=false, no tokens "
                    + "sent), then orders/s and p99 of both and the difference in %%; twice as long")
    private boolean securityCost;

    @Option(
            names = "--port-offset",
            paramLabel = "N",
            defaultValue = "16000",
            description =
                    "where the benchmark's own stack listens (default ${DEFAULT-VALUE}: 24081-24084, the issuer 25000, "
                            + "25092, 31432)")
    private int portOffset;

    @Option(
            names = "--external",
            description = "measure a stack already running at those ports instead of starting a fresh one")
    private boolean external;

    @Option(
            names = "--profile",
            description = "record the services with Java Flight Recorder (bench/target/bench/*.jfr)")
    private boolean profile;

    @Option(
            names = "--unsafe-commits",
            description = "run PostgreSQL without waiting for the disk (synchronous_commit=off, fsync=off): "
                    + "faster, and a crash loses answered commits; the report says NOT DURABLE")
    private boolean unsafeCommits;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    private boolean help;

    private Path repository;

    @Override
    public Integer call() throws Exception {
        if (securityCost && external) {
            System.err.println("bench: --security-cost restarts the stack without security, so it needs a stack of its"
                    + " own: not with --external");
            return 2;
        }
        return new Bench(this).run(System.out).checksPassed() ? 0 : 1;
    }

    /**
     * The figures of a run that the command line does not set.
     *
     * @param freshnessSeconds length of the freshness phase, run at half the throughput phase's rate
     */
    private record Scale(
            int warmUpOrders,
            int orders,
            int concurrency,
            int rate,
            int latencySeconds,
            int freshnessSeconds,
            int ceilingSeconds,
            int kafkaCeilingRecords) {

        static final Scale FULL = new Scale(3_000, 6_000, 64, 500, 20, 20, 8, 200_000);
        static final Scale QUICK = new Scale(50, 400, 16, 100, 5, 5, 2, 20_000);
    }

    private Scale scale() {
        return quick ? Scale.QUICK : Scale.FULL;
    }

    boolean quick() {
        return quick;
    }

    int warmUpOrders() {
        return warmUpOrders != null ? warmUpOrders : scale().warmUpOrders();
    }

    int orders() {
        return orders != null ? orders : scale().orders();
    }

    int concurrency() {
        return concurrency != null ? concurrency : scale().concurrency();
    }

    int rate() {
        return rate != null ? rate : scale().rate();
    }

    int latencySeconds() {
        return scale().latencySeconds();
    }

    int freshnessSeconds() {
        return scale().freshnessSeconds();
    }

    int ceilingSeconds() {
        return scale().ceilingSeconds();
    }

    int kafkaCeilingRecords() {
        return scale().kafkaCeilingRecords();
    }

    int portOffset() {
        return portOffset;
    }

    boolean external() {
        return external;
    }

    boolean securityCost() {
        return securityCost;
    }

    boolean unsafeCommits() {
        return unsafeCommits;
    }

    boolean profile() {
        return profile;
    }

    int port(int base) {
        return base + portOffset;
    }

    /** Looked up on first use, so that {@code --help} works from anywhere. */
    Path repository() {
        if (repository == null) {
            repository = findRepository();
        }
        return repository;
    }

    Path output() {
        return repository().resolve("bench/target/bench/bench-result.json");
    }

    Path workDirectory() {
        return output().getParent();
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
