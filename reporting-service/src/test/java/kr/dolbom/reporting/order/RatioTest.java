package kr.dolbom.reporting.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void aShareHasExactlyFourDecimalPlacesRoundedHalfUp() {
        assertThat(Ratio.of(3, 4)).isEqualByComparingTo("0.75").hasToString("0.7500");
        assertThat(Ratio.of(2, 3)).hasToString("0.6667");
        assertThat(Ratio.of(1, 3)).hasToString("0.3333");
        assertThat(Ratio.of(1, 20_000)).hasToString("0.0001");
        assertThat(Ratio.of(1, 20_001)).hasToString("0.0000");
    }

    @Test
    void nothingToDivideByGivesNoShareRatherThanZero() {
        assertThat(Ratio.of(0, 0)).isNull();
        assertThat(Ratio.of(0, 5)).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void moreAssignedThanRequestedInAMonthShowsAsAShareAboveOne() {
        assertThat(Ratio.of(5, 4)).hasToString("1.2500");
    }

    @Test
    void largeCountsStayExact() {
        assertThat(Ratio.of(Long.MAX_VALUE - 1, Long.MAX_VALUE)).hasToString("1.0000");
    }
}
