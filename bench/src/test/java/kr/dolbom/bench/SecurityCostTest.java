package kr.dolbom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecurityCostTest {

    private final SecurityCost cost = new SecurityCost(950, 1000, 1900, 2000, 12.6, 10.5, 100);

    @Test
    void theDifferenceIsInPercentOfTheRunWithoutSecurity() {
        assertThat(SecurityCost.change(950, 1000)).isCloseTo(-5.0, within(1e-9));
        assertThat(SecurityCost.change(12.6, 10.5)).isCloseTo(20.0, within(1e-9));
        assertThat(SecurityCost.change(1, 0)).isNaN();
        assertThat(cost.asMap())
                .containsEntry("lifecycleOrdersPerSecondChangePercent", -5.0)
                .containsEntry("rate", 100);
        assertThat((double) cost.asMap().get("intakeP99ChangePercent")).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void theTableShowsBothRunsAndLabelsTheOneWithoutSecurity() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        cost.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String table = printed.toString(StandardCharsets.UTF_8);

        assertThat(table)
                .contains("secured", "NO SECURITY", "difference")
                .containsPattern("throughput, lifecycle orders/s\\s+950\\.0\\s+1,000\\.0\\s+-5\\.0%")
                .containsPattern("intake POST p99 at 100 requests/s, ms\\s+12\\.6\\s+10\\.5\\s+\\+20\\.0%")
                .contains("NO SECURITY — comparison only");
    }
}
