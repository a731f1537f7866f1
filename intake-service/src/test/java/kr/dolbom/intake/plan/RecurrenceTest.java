package kr.dolbom.intake.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Expanding recurrences into planned dates: weeks, month ends, leap days, New Year. */
class RecurrenceTest {

    private static LocalDate day(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    @Test
    void weeklyDaysFromALinesFirstDayWhichNeedNotBeOneOfThem() {
        // 2026-12-01 is a Tuesday
        List<LocalDate> dates =
                Recurrence.rule("FREQ=WEEKLY;BYDAY=MO,TH").datesBetween(day(2026, 12, 1), day(2026, 12, 14));

        assertThat(dates).containsExactly(day(2026, 12, 3), day(2026, 12, 7), day(2026, 12, 10), day(2026, 12, 14));
    }

    @Test
    void aPlanCrossingNewYearGoesOnInJanuary() {
        List<LocalDate> dates =
                Recurrence.rule("FREQ=WEEKLY;BYDAY=WE").datesBetween(day(2026, 12, 20), day(2027, 1, 10));

        assertThat(dates).containsExactly(day(2026, 12, 23), day(2026, 12, 30), day(2027, 1, 6));
        assertThat(dates).allMatch(date -> date.getDayOfWeek() == DayOfWeek.WEDNESDAY);
    }

    @Test
    void theLastDayOfEachMonthFollowsTheMonthsLength() {
        List<LocalDate> dates =
                Recurrence.rule("FREQ=MONTHLY;BYMONTHDAY=-1").datesBetween(day(2027, 12, 1), day(2028, 4, 30));

        assertThat(dates)
                .containsExactly(
                        day(2027, 12, 31), day(2028, 1, 31), day(2028, 2, 29), day(2028, 3, 31), day(2028, 4, 30));
    }

    @Test
    void theThirtyFirstSkipsShorterMonthsAsRfc5545Says() {
        List<LocalDate> dates =
                Recurrence.rule("FREQ=MONTHLY;BYMONTHDAY=31").datesBetween(day(2027, 1, 1), day(2027, 5, 31));

        assertThat(dates).containsExactly(day(2027, 1, 31), day(2027, 3, 31), day(2027, 5, 31));
    }

    @Test
    void aLeapDayComesOnlyInLeapYears() {
        assertThat(Recurrence.rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")
                        .datesBetween(day(2027, 1, 1), day(2028, 12, 31)))
                .containsExactly(day(2028, 2, 29));
        assertThat(Recurrence.rule("FREQ=DAILY").datesBetween(day(2028, 2, 27), day(2028, 3, 1)))
                .containsExactly(day(2028, 2, 27), day(2028, 2, 28), day(2028, 2, 29), day(2028, 3, 1));
    }

    @Test
    void everyOtherDayCountsFromTheFirstDay() {
        assertThat(Recurrence.rule("FREQ=DAILY;INTERVAL=2").datesBetween(day(2026, 12, 30), day(2027, 1, 4)))
                .containsExactly(day(2026, 12, 30), day(2027, 1, 1), day(2027, 1, 3));
    }

    @Test
    void aRuleWithItsOwnEndStopsThere() {
        assertThat(Recurrence.rule("FREQ=WEEKLY;BYDAY=MO;COUNT=2").datesBetween(day(2026, 12, 1), day(2027, 3, 1)))
                .containsExactly(day(2026, 12, 7), day(2026, 12, 14));
    }

    @Test
    void singleDatesAreKeptInOrderAndTheirRfc5545Form() {
        Recurrence dates = Recurrence.dates(List.of(day(2026, 12, 15), day(2026, 12, 2)));

        assertThat(dates.datesBetween(day(2026, 12, 1), day(2026, 12, 10))).containsExactly(day(2026, 12, 2));
        assertThat(dates.text()).isEqualTo("RDATE;VALUE=DATE:20261202,20261215");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FREQ=SOMETIMES",
                "FREQ=WEEKLY;BYDAY=XX",
                "RRULE:FREQ=DAILY",
                "FREQ=HOURLY",
                "FREQ=MINUTELY;INTERVAL=5",
                "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9",
                ""
            })
    void rulesThatAreNotRfc5545OrFinerThanADayAreRefused(String rule) {
        assertThatThrownBy(() -> Recurrence.rule(rule)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDateListedTwiceOrNoDateAtAllIsRefused() {
        assertThatThrownBy(() -> Recurrence.dates(List.of(day(2026, 12, 2), day(2026, 12, 2))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> Recurrence.dates(List.of())).hasMessageContaining("at least one");
    }
}
