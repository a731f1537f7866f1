package kr.dolbom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's smoke run, as CI runs it: every phase at a small scale on a fresh local stack, secured (every call
 * with a token of the stack's issuer). It passes when every order is accounted for (its self-checks) and the figures
 * are real numbers, whatever the speed. The comparison without security ({@code --security-cost}) would double its
 * time; {@link SecurityCostTest} covers its arithmetic.
 */
class BenchQuickIT {

    @Test
    void theQuickRunAccountsForEveryOrderAndWritesItsFigures() throws Exception {
        BenchOptions options = CommandLine.populateCommand(new BenchOptions(), "--quick");
        Files.deleteIfExists(options.output());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        Report report = new Bench(options).run(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(report.checks.failed()).as(output).isEmpty();
        assertThat(output).contains("All orders accounted for.", "Security on: every call with a bearer JWT");
        assertThat(output).doesNotContain("NO SECURITY");
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(options.output()));
        assertThat(json.path("run").path("security").asBoolean()).isTrue();
        assertThat(json.path("ceilings").path("postgresInsertCommitsPerSecond").asDouble())
                .isPositive();
        assertThat(json.path("ceilings").path("kafkaProducedRecordsPerSecond").asDouble())
                .isPositive();
        assertThat(json.path("throughput").path("lifecycleOrdersPerSecond").asDouble())
                .isPositive();
        assertThat(json.path("throughput").path("commitsToCeiling").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.path("intakeLatencyMillis").path("p99").asDouble()).isPositive();
        assertThat(json.path("kpiFreshnessSeconds").path("events").asLong()).isPositive();
        assertThat(json.path("resources")
                        .path("intake-service")
                        .path("residentMiB")
                        .asLong())
                .isPositive();
        assertThat(json.path("checks").path("passed").size()).isEqualTo(8);
    }
}
