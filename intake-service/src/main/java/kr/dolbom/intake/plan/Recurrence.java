package kr.dolbom.intake.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kr.dolbom.events.CarePlanApproved;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * How often a plan line recurs: an RFC 5545 rule such as {@code FREQ=WEEKLY;BYDAY=MO,TH}, anchored on the line's
 * first day, or a list of single dates (a repair job on one day). Dates only: the provider arranges the hour.
 */
public sealed interface Recurrence {

    /** The dates from {@code first} to {@code last}, both included, in order. */
    List<LocalDate> datesBetween(LocalDate first, LocalDate last);

    /** The rule as RFC 5545 writes it, or an RFC 5545 {@code RDATE} of the dates. */
    String text();

    /**
     * @throws IllegalArgumentException naming what is wrong: not RFC 5545, finer than a day, times of day
     */
    static Recurrence rule(String rrule) {
        RecurrenceRule rule;
        try {
            rule = new RecurrenceRule(rrule.strip(), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw new IllegalArgumentException("is not an RFC 5545 recurrence rule: " + e.getMessage(), e);
        }
        if (rule.getFreq() == Freq.SECONDLY || rule.getFreq() == Freq.MINUTELY || rule.getFreq() == Freq.HOURLY) {
            throw new IllegalArgumentException("recurs at most daily: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        for (RecurrenceRule.Part timeOfDay :
                List.of(RecurrenceRule.Part.BYHOUR, RecurrenceRule.Part.BYMINUTE, RecurrenceRule.Part.BYSECOND)) {
            if (rule.hasPart(timeOfDay)) {
                throw new IllegalArgumentException(
                        "plans dates, not times of day: " + timeOfDay + " is the provider's to arrange");
            }
        }
        return new Rule(rule.toString());
    }

    /** @throws IllegalArgumentException for no dates, too many, or one twice */
    static Recurrence dates(List<LocalDate> dates) {
        if (dates.isEmpty()) {
            throw new IllegalArgumentException("lists at least one date");
        }
        Set<LocalDate> sorted = new TreeSet<>(dates);
        if (sorted.size() != dates.size()) {
            throw new IllegalArgumentException("lists a date twice");
        }
        return new Dates(List.copyOf(sorted));
    }

    record Rule(String rrule) implements Recurrence {

        @Override
        public List<LocalDate> datesBetween(LocalDate first, LocalDate last) {
            RecurrenceRule rule;
            try {
                rule = new RecurrenceRule(rrule, RecurrenceRule.RfcMode.RFC5545_STRICT);
            } catch (InvalidRecurrenceRuleException e) {
                throw new IllegalStateException("a stored rule no longer parses: " + rrule, e);
            }
            // lib-recur counts months from 0
            RecurrenceRuleIterator dates =
                    rule.iterator(new DateTime(first.getYear(), first.getMonthValue() - 1, first.getDayOfMonth()));
            List<LocalDate> between = new ArrayList<>();
            while (dates.hasNext()) {
                DateTime next = dates.nextDateTime();
                LocalDate date = LocalDate.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth());
                if (date.isAfter(last)) {
                    break;
                }
                if (!date.isBefore(first) && (between.isEmpty() || date.isAfter(between.get(between.size() - 1)))) {
                    between.add(date);
                }
                if (between.size() > CarePlanApproved.MOST_OCCURRENCES) {
                    break;
                }
            }
            return between;
        }

        @Override
        public String text() {
            return rrule;
        }
    }

    record Dates(List<LocalDate> dates) implements Recurrence {

        @Override
        public List<LocalDate> datesBetween(LocalDate first, LocalDate last) {
            return dates.stream()
                    .filter(date -> !date.isBefore(first) && !date.isAfter(last))
                    .toList();
        }

        @Override
        public String text() {
            return "RDATE;VALUE=DATE:"
                    + String.join(
                            ",",
                            dates.stream()
                                    .map(DateTimeFormatter.BASIC_ISO_DATE::format)
                                    .toList());
        }
    }
}
