package kr.dolbom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DemoTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    @Test
    void theMatchRateIsAPercentage() {
        assertThat(Demo.matchRate(JSON.readTree("{\"matchRate\":0.7500}"), DECEMBER))
                .isEqualTo("75.0%");
        assertThat(Demo.matchRate(JSON.readTree("{\"matchRate\":1.0000}"), DECEMBER))
                .isEqualTo("100.0%");
    }

    @Test
    void noRateSaysWhy() {
        assertThat(Demo.matchRate(JSON.readTree("{\"matchRate\":null}"), DECEMBER))
                .isEqualTo("n/a (no line requested in 2026-12)");
        assertThat(Demo.matchRate(JSON.readTree("{}"), DECEMBER)).isEqualTo("n/a (no line requested in 2026-12)");
    }
}
