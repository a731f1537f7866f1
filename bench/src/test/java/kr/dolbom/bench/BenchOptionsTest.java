package kr.dolbom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchOptionsTest {

    @Test
    void aQuickRunWithSomeFiguresOfItsOwn() {
        BenchOptions options = parse("--orders=1000", "--quick", "--rate", "200", "--profile");

        assertThat(options.quick()).isTrue();
        assertThat(options.orders())
                .as("given before --quick, still wins over the quick scale")
                .isEqualTo(1000);
        assertThat(options.rate()).isEqualTo(200);
        assertThat(options.profile()).isTrue();
        assertThat(options.concurrency()).isEqualTo(16);
        assertThat(options.warmUpOrders()).isEqualTo(50);
        assertThat(options.latencySeconds()).isEqualTo(5);
        assertThat(options.external()).isFalse();
        assertThat(options.securityCost()).as("secured only, unless asked").isFalse();
        assertThat(options.port(8081)).isEqualTo(24081);
    }

    @Test
    void noArgumentsIsTheFullRun() {
        BenchOptions options = parse();

        assertThat(options.quick()).isFalse();
        assertThat(options.warmUpOrders()).isEqualTo(3_000);
        assertThat(options.orders()).isEqualTo(6_000);
        assertThat(options.concurrency()).isEqualTo(64);
        assertThat(options.rate()).isEqualTo(500);
        assertThat(options.kafkaCeilingRecords()).isEqualTo(200_000);
        assertThat(options.output()).endsWithRaw(Path.of("bench/target/bench/bench-result.json"));
    }

    @Test
    void helpListsEveryFlagAndAnUnknownOneIsAUsageError() {
        StringWriter out = new StringWriter();
        CommandLine help = new CommandLine(new BenchOptions()).setOut(new PrintWriter(out));
        assertThat(help.execute("--help")).isZero();
        assertThat(out.toString())
                .contains(
                        "Usage: bench/run.sh",
                        "--quick",
                        "--warm-up=N",
                        "--orders=N",
                        "--concurrency=N",
                        "--rate=N",
                        "--port-offset=N",
                        "--external",
                        "--profile",
                        "--security-cost",
                        "DOLBOM_BENCH_SERVICE_JAVA_OPTS");

        StringWriter err = new StringWriter();
        CommandLine wrong = new CommandLine(new BenchOptions()).setErr(new PrintWriter(err));
        assertThat(wrong.execute("--order=5")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--order=5'");
    }

    private static BenchOptions parse(String... args) {
        return CommandLine.populateCommand(new BenchOptions(), args);
    }
}
