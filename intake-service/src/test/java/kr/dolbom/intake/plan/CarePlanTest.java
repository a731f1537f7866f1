package kr.dolbom.intake.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.eligibility.Eligibility;
import kr.dolbom.intake.eligibility.TargetGroup;
import kr.dolbom.intake.order.CareOrder;
import kr.dolbom.intake.order.OrderStatus;
import kr.dolbom.intake.order.ServiceLine;
import kr.dolbom.platform.domain.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Drafting, approving and revising a care plan, on the plan and its order alone. */
class CarePlanTest {

    // 2026-11-02 is a Monday
    static final LocalDate REQUESTED = LocalDate.of(2026, 11, 2);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 16);
    static final LocalDate LINES_END = LocalDate.of(2027, 2, 28);
    static final Instant AT = Instant.parse("2026-11-16T01:00:00Z");

    final ServiceLine homeCare = ServiceLine.requested(ServiceType.TEMPORARY_HOME_CARE, 20, 120, REQUESTED, LINES_END);
    final ServiceLine meals = ServiceLine.requested(ServiceType.MEAL_SUPPORT, 60, null, REQUESTED, LINES_END);

    CareOrder order(OrderStatus status) {
        return new CareOrder(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new CareOrder.Placement("mapo", "mangwon1", IncomeTier.GENERAL, false, RequestChannel.PHONE, REQUESTED),
                status,
                status == OrderStatus.REJECTED
                        ? new Eligibility.Rejected(RejectionReason.NOT_IN_TARGET_GROUP)
                        : new Eligibility.Eligible(TargetGroup.SENIOR),
                List.of(homeCare, meals),
                status == OrderStatus.ON_HOLD
                        ? new CareOrder.Hold(
                                OrderStatus.ASSIGNED, HoldReason.HOSPITAL_ADMISSION, TODAY.minusDays(1), null)
                        : null,
                1);
    }

    static CarePlan.ProposedLine weekly(ServiceLine line, String rule, LocalDate from, LocalDate to) {
        return new CarePlan.ProposedLine(line.id(), 1, line.serviceType().isTimed() ? 120 : null, rule, null, from, to);
    }

    static CarePlan.ProposedLine onDates(ServiceLine line, List<LocalDate> dates) {
        return new CarePlan.ProposedLine(line.id(), 2, null, null, dates, dates.get(0), dates.get(dates.size() - 1));
    }

    static CarePlan none() {
        return new CarePlan(UUID.randomUUID(), List.of(), 0);
    }

    @Test
    void theFirstVersionCoversTheOrderFromItsRequestAndBecomesThePlanWhenApproved() {
        CareOrder order = order(OrderStatus.ASSIGNED);
        CarePlan plan = none();

        PlanVersion draft = plan.draft(
                order,
                null,
                List.of(
                        weekly(homeCare, "FREQ=WEEKLY;BYDAY=MO,TH", REQUESTED, LINES_END),
                        weekly(meals, "FREQ=WEEKLY;BYDAY=MO,WE,FR", REQUESTED, LINES_END)),
                "cm-1",
                AT,
                TODAY);

        assertThat(draft.number()).isEqualTo(1);
        assertThat(draft.effectiveFrom()).isEqualTo(REQUESTED);
        assertThat(plan.current()).isEmpty();
        assertThat(plan.plannedOccurrences()).as("a draft plans nothing yet").isEmpty();

        CarePlanApproved approved = plan.approve(order, "cm-1", AT, TODAY);

        assertThat(approved.version()).isEqualTo(1);
        assertThat(approved.ended()).isEmpty();
        assertThat(approved.lines().get(0).plannedDates())
                .startsWith(REQUESTED, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 9))
                .hasSize(34);
        assertThat(plan.plannedOccurrences())
                .filteredOn(occurrence -> occurrence.serviceType() == ServiceType.MEAL_SUPPORT)
                .hasSize(51);
        assertThat(plan.revision()).isEqualTo(2);
    }

    @Test
    void aRevisionTakesOverFromItsDayEndsTheLinesItLeavesOutAndKeepsTheHistory() {
        CareOrder order = order(OrderStatus.ASSIGNED);
        CarePlan plan = none();
        plan.draft(
                order,
                null,
                List.of(
                        weekly(homeCare, "FREQ=WEEKLY;BYDAY=MO,TH", REQUESTED, LINES_END),
                        weekly(meals, "FREQ=WEEKLY;BYDAY=MO,WE,FR", REQUESTED, LINES_END)),
                "cm-1",
                AT,
                REQUESTED);
        plan.approve(order, "cm-1", AT, REQUESTED);
        LocalDate revisedFrom = LocalDate.of(2026, 11, 23);

        plan.draft(
                order,
                revisedFrom,
                List.of(weekly(homeCare, "FREQ=WEEKLY;BYDAY=TU", REQUESTED, LocalDate.of(2026, 12, 15))),
                "cm-2",
                AT,
                TODAY);
        CarePlanApproved revised = plan.approve(order, "cm-2", AT, TODAY);
        order.followPlan(plan.lineEnds());

        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.ended()).containsExactly(new CarePlanApproved.Ended(meals.id(), revisedFrom.minusDays(1)));
        assertThat(revised.lines().get(0).plannedDates()).first().isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(order.lines())
                .extracting(ServiceLine::endsOn)
                .containsExactly(LocalDate.of(2026, 12, 15), LocalDate.of(2026, 11, 22));
        List<CarePlan.Occurrence> homeCareDates = plan.plannedOccurrences().stream()
                .filter(occurrence -> occurrence.lineId().equals(homeCare.id()))
                .toList();
        assertThat(homeCareDates)
                .as("Mondays and Thursdays under version 1, Tuesdays from the 23rd")
                .extracting(CarePlan.Occurrence::date)
                .contains(LocalDate.of(2026, 11, 19), LocalDate.of(2026, 11, 24))
                .doesNotContain(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 26))
                .last()
                .isEqualTo(LocalDate.of(2026, 12, 15));
        assertThat(plan.versions()).hasSize(2);
        assertThat(plan.plannedOccurrences())
                .filteredOn(occurrence -> occurrence.lineId().equals(meals.id()))
                .last()
                .extracting(CarePlan.Occurrence::date)
                .isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void aNewDraftReplacesTheDraftNotYetApproved() {
        CareOrder order = order(OrderStatus.PLACED);
        CarePlan plan = none();
        plan.draft(order, null, List.of(weekly(meals, "FREQ=DAILY", REQUESTED, LINES_END)), "cm", AT, TODAY);
        plan.draft(order, null, List.of(onDates(meals, List.of(TODAY, TODAY.plusDays(7)))), "cm", AT, TODAY);

        assertThat(plan.versions()).singleElement().satisfies(version -> {
            assertThat(version.number()).isEqualTo(1);
            assertThat(version.lines().get(0).recurrence()).isInstanceOf(Recurrence.Dates.class);
        });
        assertThat(plan.revision()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"REJECTED", "CANCELLED", "COMPLETED"})
    void aClosedOrdersPlanIsHistory(OrderStatus status) {
        assertThatThrownBy(() -> none().draft(
                                order(status),
                                null,
                                List.of(weekly(meals, "FREQ=DAILY", REQUESTED, LINES_END)),
                                "cm",
                                AT,
                                TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
                    assertThat(violation.getMessage()).contains(status.name());
                });
    }

    @Test
    void anOrderOnHoldMayBeReplanned() {
        CareOrder held = order(OrderStatus.ON_HOLD);
        CarePlan plan = none();
        plan.draft(held, null, List.of(weekly(meals, "FREQ=DAILY", REQUESTED, LINES_END)), "cm", AT, TODAY);

        assertThat(plan.approve(held, "cm", AT, TODAY).ended())
                .extracting(CarePlanApproved.Ended::lineId)
                .containsExactly(homeCare.id());
    }

    @Test
    void approvingWithoutADraftOrARevisionWhoseDayHasPassedIsAConflict() {
        CareOrder order = order(OrderStatus.ASSIGNED);
        CarePlan plan = none();
        assertThatThrownBy(() -> plan.approve(order, "cm", AT, TODAY)).hasMessageContaining("no draft");

        plan.draft(order, null, List.of(weekly(meals, "FREQ=DAILY", REQUESTED, LINES_END)), "cm", AT, REQUESTED);
        plan.approve(order, "cm", AT, REQUESTED);
        plan.draft(order, TODAY, List.of(weekly(meals, "FREQ=WEEKLY", REQUESTED, LINES_END)), "cm", AT, TODAY);

        assertThatThrownBy(() -> plan.approve(order, "cm", AT, TODAY.plusDays(1)))
                .hasMessageContaining("has passed");
    }

    @Test
    void aStaleRevisionIsRefused() {
        CarePlan plan = new CarePlan(UUID.randomUUID(), List.of(), 3);
        plan.expectRevision(3);
        plan.expectRevision(null);

        assertThatThrownBy(() -> plan.expectRevision(2))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        violation -> assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.STALE));
    }

    /** Each wrong plan names the field; nothing is drafted. */
    @Test
    void badPlansNameTheirFields() {
        CareOrder order = order(OrderStatus.ASSIGNED);
        UUID unknown = UUID.randomUUID();

        assertInvalid(order, null, List.of(weekly(meals, "FREQ=DAILY", TODAY, TODAY.minusDays(1))), "lines[0].endsOn");
        assertInvalid(
                order, null, List.of(weekly(meals, "FREQ=DAILY", REQUESTED, LINES_END.plusDays(1))), "lines[0].endsOn");
        assertInvalid(
                order,
                null,
                List.of(weekly(meals, "FREQ=DAILY", REQUESTED.minusDays(1), LINES_END)),
                "lines[0].startsOn");
        assertInvalid(order, null, List.of(weekly(meals, "FREQ=HOURLY", REQUESTED, LINES_END)), "lines[0].rule");
        assertInvalid(
                order,
                null,
                List.of(weekly(meals, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", REQUESTED, LINES_END)),
                "lines[0].rule");
        assertInvalid(
                order,
                null,
                List.of(new CarePlan.ProposedLine(meals.id(), 1, null, null, null, REQUESTED, LINES_END)),
                "lines[0].rule");
        assertInvalid(
                order,
                null,
                List.of(new CarePlan.ProposedLine(
                        meals.id(), 1, null, "FREQ=DAILY", List.of(TODAY), REQUESTED, LINES_END)),
                "lines[0].rule");
        assertInvalid(
                order,
                null,
                List.of(new CarePlan.ProposedLine(
                        meals.id(), 1, null, null, List.of(LINES_END.plusDays(3)), REQUESTED, LINES_END)),
                "lines[0].dates");
        assertInvalid(
                order,
                null,
                List.of(new CarePlan.ProposedLine(meals.id(), 11, null, "FREQ=DAILY", null, REQUESTED, LINES_END)),
                "lines[0].quantityPerOccurrence");
        assertInvalid(
                order,
                null,
                List.of(new CarePlan.ProposedLine(homeCare.id(), 1, null, "FREQ=DAILY", null, REQUESTED, LINES_END)),
                "lines[0].minutesPerVisit");
        assertInvalid(
                order,
                null,
                List.of(new CarePlan.ProposedLine(meals.id(), 1, 60, "FREQ=DAILY", null, REQUESTED, LINES_END)),
                "lines[0].minutesPerVisit");
        assertInvalid(
                order,
                null,
                List.of(new CarePlan.ProposedLine(unknown, 1, null, "FREQ=DAILY", null, REQUESTED, LINES_END)),
                "lines[0].lineId");
        assertInvalid(
                order,
                null,
                List.of(
                        weekly(meals, "FREQ=DAILY", REQUESTED, LINES_END),
                        weekly(meals, "FREQ=WEEKLY", REQUESTED, LINES_END)),
                "lines[1].lineId");
        assertInvalid(
                order,
                REQUESTED.minusDays(1),
                List.of(weekly(meals, "FREQ=DAILY", REQUESTED, LINES_END)),
                "effectiveFrom");
        assertInvalid(order, null, List.of(), "lines");
    }

    @Test
    void moreThanALinesWorthInAllIsRefused() {
        // 119 days of meals, ten a day, would be 1,190 meals: more than one line plans
        CareOrder order = order(OrderStatus.ASSIGNED);
        assertInvalid(
                order,
                null,
                List.of(new CarePlan.ProposedLine(meals.id(), 10, null, "FREQ=DAILY", null, REQUESTED, LINES_END)),
                "lines[0].quantityPerOccurrence");
    }

    @Test
    void aRevisionCannotStartInThePastOrEndALineBeforeItTakesOver() {
        CareOrder order = order(OrderStatus.ASSIGNED);
        CarePlan plan = none();
        plan.draft(order, null, List.of(weekly(meals, "FREQ=DAILY", REQUESTED, LINES_END)), "cm", AT, TODAY);
        plan.approve(order, "cm", AT, TODAY);

        assertInvalid(
                plan,
                order,
                TODAY.minusDays(1),
                List.of(weekly(meals, "FREQ=DAILY", REQUESTED, LINES_END)),
                "effectiveFrom");
        assertInvalid(
                plan,
                order,
                TODAY.plusDays(5),
                List.of(weekly(meals, "FREQ=DAILY", REQUESTED, TODAY.plusDays(2))),
                "lines[0].endsOn");
        assertThat(plan.draft()).as("nothing drafted by a refused plan").isEmpty();
    }

    private void assertInvalid(
            CareOrder order, @Nullable LocalDate from, List<CarePlan.ProposedLine> lines, String field) {
        assertInvalid(none(), order, from, lines, field);
    }

    private static void assertInvalid(
            CarePlan plan, CareOrder order, @Nullable LocalDate from, List<CarePlan.ProposedLine> lines, String field) {
        int revision = plan.revision();
        assertThatThrownBy(() -> plan.draft(order, from, lines, "cm", AT, TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, violation -> {
                    assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.INVALID);
                    assertThat(violation.violations())
                            .extracting(RuleViolation.Violation::field)
                            .contains(field);
                });
        assertThat(plan.revision()).isEqualTo(revision);
    }
}
