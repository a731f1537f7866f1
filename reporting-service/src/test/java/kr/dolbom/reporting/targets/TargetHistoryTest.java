package kr.dolbom.reporting.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class TargetHistoryTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private long ids;

    private Target target(TargetedKpi kpi, String validFrom, long value) {
        return new Target(
                ++ids,
                "mapo",
                kpi,
                YearMonth.parse(validFrom),
                value,
                "billing@mapo",
                "BILLING_OFFICER",
                Instant.EPOCH);
    }

    @Test
    void aTargetHoldsFromItsMonthOnAndNotBefore() {
        TargetHistory history = new TargetHistory("mapo", List.of(target(TargetedKpi.MEALS, "2026-03", 1000)));

        assertThat(history.inForce(TargetedKpi.MEALS, YearMonth.of(2026, 2))).isNull();
        assertThat(history.inForce(TargetedKpi.MEALS, YearMonth.of(2026, 3)).value())
                .isEqualTo(1000);
        assertThat(history.inForce(TargetedKpi.MEALS, YearMonth.of(2027, 1)).value())
                .isEqualTo(1000);
        assertThat(history.inForce(TargetedKpi.HOUSING_HOUSEHOLDS, YearMonth.of(2026, 3)))
                .isNull();
        assertThat(history.attainments(YearMonth.of(2026, 2), Map.of(TargetedKpi.MEALS, 700L)))
                .isEmpty();
    }

    @Test
    void aChangeMidYearHoldsFromItsMonthAndTheEarlierMonthsKeepTheirs() {
        TargetHistory history = new TargetHistory(
                "mapo",
                List.of(
                        target(TargetedKpi.MEALS, "2026-07", 1200),
                        target(TargetedKpi.MEALS, "2026-01", 1000),
                        // set later for the same month: the newer version wins, the older stays in the history
                        target(TargetedKpi.MEALS, "2026-07", 1100)));

        assertThat(history.inForce(TargetedKpi.MEALS, YearMonth.of(2026, 6)).value())
                .isEqualTo(1000);
        assertThat(history.inForce(TargetedKpi.MEALS, YearMonth.of(2026, 7)).value())
                .isEqualTo(1100);
        assertThat(history.inForce(TargetedKpi.MEALS, YearMonth.of(2026, 12)).value())
                .isEqualTo(1100);
        assertThat(history.versions()).hasSize(3);

        Attainment june = history.attainments(YearMonth.of(2026, 6), Map.of(TargetedKpi.MEALS, 750L))
                .get(0);
        assertThat(june.target()).isEqualTo(1000);
        assertThat(june.share()).isEqualByComparingTo("0.75");
        assertThat(june.validFrom()).isEqualTo(YearMonth.of(2026, 1));
        Attainment july = history.attainments(YearMonth.of(2026, 7), Map.of(TargetedKpi.MEALS, 1100L))
                .get(0);
        assertThat(july.share()).isEqualByComparingTo("1");
        assertThat(july.met()).isTrue();
    }

    @Test
    void theShareIsExactAndRoundedDownNeverUp() {
        TargetHistory history =
                new TargetHistory("mapo", List.of(target(TargetedKpi.CONSORTIUM_REVENUE, "2026-01", 200_000_000)));
        Attainment revenue = history.attainments(
                        YearMonth.of(2026, 11), Map.of(TargetedKpi.CONSORTIUM_REVENUE, 199_999_999L))
                .get(0);

        assertThat(revenue.share()).isEqualByComparingTo("0.9999");
        assertThat(revenue.met()).isFalse();
        assertThat(revenue.period()).isEqualTo(TargetedKpi.Period.YEAR);
    }

    /** A delivery on the night of 31 January in Seoul counts in January, against January's target. */
    @Test
    void theMonthIsSeoulsAtItsEdge() {
        TargetHistory history = new TargetHistory(
                "mapo", List.of(target(TargetedKpi.MEALS, "2026-01", 1000), target(TargetedKpi.MEALS, "2026-02", 900)));
        // 2026-01-31T15:30Z is 00:30 on 1 February in Seoul, still 31 January in UTC
        Instant edge = Instant.parse("2026-01-31T15:30:00Z");

        YearMonth seoul = YearMonth.from(LocalDate.ofInstant(edge, SEOUL));
        assertThat(seoul).isEqualTo(YearMonth.of(2026, 2));
        assertThat(history.inForce(TargetedKpi.MEALS, seoul).value()).isEqualTo(900);
        YearMonth justBefore = YearMonth.from(LocalDate.ofInstant(edge.minusSeconds(3600), SEOUL));
        assertThat(history.inForce(TargetedKpi.MEALS, justBefore).value()).isEqualTo(1000);
    }

    @Test
    void badValuesMonthsAndKpisAreRefusedNamingTheirField() {
        assertThatThrownBy(() -> Target.requireValue(-1))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        e -> assertThat(e.violations())
                                .singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("value")));
        assertThatThrownBy(() -> Target.requireValue(0)).isInstanceOf(RuleViolation.class);
        for (String month : List.of("2026-13", "2026-1", "+12026-01", "0000-01", "2026-02-01", "")) {
            assertThatThrownBy(() -> Target.month("validFrom", month))
                    .as(month)
                    .isInstanceOfSatisfying(
                            RuleViolation.class,
                            e -> assertThat(e.violations())
                                    .singleElement()
                                    .satisfies(v -> assertThat(v.field()).isEqualTo("validFrom")));
        }
        assertThat(Target.month("validFrom", "2026-02")).isEqualTo(YearMonth.of(2026, 2));
        assertThatThrownBy(() -> TargetedKpi.parse("kpi", "meals")).isInstanceOf(RuleViolation.class);
        assertThat(TargetedKpi.parse("kpi", "MEALS")).isEqualTo(TargetedKpi.MEALS);
    }
}
