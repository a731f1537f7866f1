package kr.dolbom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketsTest {

    private static final Map<String, Double> BEFORE = Map.of("0.01", 5.0, "0.1", 5.0, "1.0", 5.0, "+Inf", 5.0);

    @Test
    void onlyWhatHappenedBetweenTheSnapshotsCounts() {
        // Since the first snapshot: 50 events under 10 ms, 40 more under 100 ms, 10 more under 1 s.
        Map<String, Double> after = Map.of("0.01", 55.0, "0.1", 95.0, "1.0", 105.0, "+Inf", 105.0);

        assertThat(Buckets.count(BEFORE, after)).isEqualTo(100);
        assertThat(Buckets.quantile(BEFORE, after, 0.50)).isCloseTo(0.010, within(1e-9));
        assertThat(Buckets.quantile(BEFORE, after, 0.25)).isCloseTo(0.005, within(1e-9));
        assertThat(Buckets.quantile(BEFORE, after, 0.90)).isCloseTo(0.100, within(1e-9));
        assertThat(Buckets.quantile(BEFORE, after, 0.95)).isCloseTo(0.55, within(1e-9));
    }

    @Test
    void aPercentileBeyondTheLastBoundIsInfiniteAndNoEventsGiveNoPercentile() {
        Map<String, Double> slow = Map.of("0.01", 5.0, "0.1", 5.0, "1.0", 6.0, "+Inf", 15.0);

        assertThat(Buckets.quantile(BEFORE, slow, 0.99)).isInfinite();
        assertThat(Buckets.quantile(BEFORE, BEFORE, 0.5)).isNaN();
    }
}
