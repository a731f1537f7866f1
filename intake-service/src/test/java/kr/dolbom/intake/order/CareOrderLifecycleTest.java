package kr.dolbom.intake.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderCompleted;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.eligibility.Eligibility;
import kr.dolbom.intake.eligibility.TargetGroup;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every transition of a care order, legal and illegal, on the order alone. */
class CareOrderLifecycleTest {

    static final LocalDate REQUESTED = LocalDate.of(2026, 11, 2);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 16);

    static CareOrder in(OrderStatus status) {
        Eligibility eligibility = status == OrderStatus.REJECTED
                ? new Eligibility.Rejected(RejectionReason.NOT_IN_TARGET_GROUP)
                : new Eligibility.Eligible(TargetGroup.SENIOR);
        CareOrder.Hold hold = status == OrderStatus.ON_HOLD
                ? new CareOrder.Hold(OrderStatus.ASSIGNED, HoldReason.HOSPITAL_ADMISSION, TODAY.minusDays(3), null)
                : null;
        return new CareOrder(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new CareOrder.Placement("mapo", "mangwon1", IncomeTier.GENERAL, false, RequestChannel.PHONE, REQUESTED),
                status,
                eligibility,
                List.of(ServiceLine.requested(ServiceType.MEAL_SUPPORT, 10, null, REQUESTED, TODAY.plusDays(14))),
                hold,
                4);
    }

    /** Which statuses each change leaves from; every other status refuses it with a 409 naming the status. */
    static final Set<OrderStatus> HOLDABLE =
            EnumSet.of(OrderStatus.PLACED, OrderStatus.ASSIGNED, OrderStatus.IN_PROGRESS);

    static final Set<OrderStatus> CANCELLABLE =
            EnumSet.of(OrderStatus.PLACED, OrderStatus.ASSIGNED, OrderStatus.IN_PROGRESS, OrderStatus.ON_HOLD);
    static final Set<OrderStatus> RESUMABLE = EnumSet.of(OrderStatus.ON_HOLD);

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void holdFromARunningOrderOnly(OrderStatus status) {
        transition(status, HOLDABLE, order -> order.putOnHold(HoldReason.HOSPITAL_ADMISSION, TODAY, null, TODAY));
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void resumeFromAHoldOnly(OrderStatus status) {
        transition(status, RESUMABLE, order -> order.resume(TODAY, TODAY));
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void cancelWhileOpenOnly(OrderStatus status) {
        transition(status, CANCELLABLE, order -> order.cancel(CancelReason.RESIDENT_MOVED, TODAY, TODAY));
    }

    private static void transition(OrderStatus from, Set<OrderStatus> legal, Consumer<CareOrder> change) {
        CareOrder order = in(from);
        if (legal.contains(from)) {
            change.accept(order);
            assertThat(order.version()).as("a change counts").isEqualTo(5);
        } else {
            assertThatThrownBy(() -> change.accept(order))
                    .isInstanceOfSatisfying(
                            RuleViolation.class,
                            violation -> assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.CONFLICT))
                    .hasMessageContaining("is " + from);
            assertThat(order.status()).isEqualTo(from);
            assertThat(order.version()).isEqualTo(4);
        }
    }

    /** 서비스 개시: which statuses the first delivery moves, and to where. */
    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void theFirstDeliveryPutsAnOpenOrderInProgressOnce(OrderStatus status) {
        CareOrder order = in(status);

        boolean started = order.started(TODAY).isPresent();

        assertThat(started)
                .isEqualTo(status == OrderStatus.PLACED
                        || status == OrderStatus.ASSIGNED
                        || status == OrderStatus.ON_HOLD);
        if (status == OrderStatus.ON_HOLD) {
            assertThat(order.status()).isEqualTo(OrderStatus.ON_HOLD);
            assertThat(order.hold().orElseThrow().resumesTo()).isEqualTo(OrderStatus.IN_PROGRESS);
        } else if (started) {
            assertThat(order.status()).isEqualTo(OrderStatus.IN_PROGRESS);
        } else {
            assertThat(order.status()).isEqualTo(status);
        }
        assertThat(order.version()).isEqualTo(started ? 5 : 4);
        assertThat(order.started(TODAY)).as("a second delivery changes nothing").isEmpty();
    }

    @Test
    void anOrderInProgressStaysInProgressWhenItsLastLineIsAssignedAndResumesInProgress() {
        CareOrder order = in(OrderStatus.PLACED);
        order.started(TODAY);
        order.assign(order.lines().get(0).id(), new ServiceLine.Assignment("mapo-meal-jahwal", false, TODAY));
        assertThat(order.status()).isEqualTo(OrderStatus.IN_PROGRESS);

        order.putOnHold(HoldReason.HOSPITAL_ADMISSION, TODAY, null, TODAY);
        order.resume(TODAY, TODAY);
        assertThat(order.status()).isEqualTo(OrderStatus.IN_PROGRESS);
    }

    @Test
    void aReassignmentMovesTheLineFromItsProviderOnlyAndLeavesTheStatusAsItWas() {
        CareOrder order = in(OrderStatus.PLACED);
        UUID line = order.lines().get(0).id();
        assertThatThrownBy(() -> order.reassign(
                        line, "mapo-meal-jahwal", new ServiceLine.Assignment("mapo-public-homecare", true, TODAY)))
                .as("a line with no provider yet")
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("no provider");
        order.assign(line, new ServiceLine.Assignment("mapo-meal-jahwal", false, TODAY));
        OrderStatus assigned = order.status();

        assertThatThrownBy(() -> order.reassign(
                        line, "mapo-meal-nanum", new ServiceLine.Assignment("mapo-public-homecare", true, TODAY)))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("is assigned to mapo-meal-jahwal, not mapo-meal-nanum");
        ServiceLine moved = order.reassign(
                line, "mapo-meal-jahwal", new ServiceLine.Assignment("mapo-public-homecare", true, TODAY));

        assertThat(moved.assignment()).isEqualTo(new ServiceLine.Assignment("mapo-public-homecare", true, TODAY));
        assertThat(order.lines().get(0)).isEqualTo(moved);
        assertThat(order.status()).isEqualTo(assigned);
    }

    @Test
    void aHoldRemembersWhereTheOrderStoodAndResumingGoesBackThere() {
        CareOrder placed = in(OrderStatus.PLACED);
        OrderPutOnHold held =
                placed.putOnHold(HoldReason.HOSPITAL_ADMISSION, TODAY.minusDays(1), TODAY.plusDays(7), TODAY);
        assertThat(held.from()).isEqualTo(TODAY.minusDays(1));
        assertThat(held.resumeOn()).isEqualTo(TODAY.plusDays(7));
        assertThat(placed.status()).isEqualTo(OrderStatus.ON_HOLD);

        // the last line assigned during the hold: the order resumes as assigned
        placed.assign(placed.lines().get(0).id(), new ServiceLine.Assignment("mapo-meal-jahwal", false, TODAY));
        assertThat(placed.status()).isEqualTo(OrderStatus.ON_HOLD);
        placed.resume(TODAY, TODAY);
        assertThat(placed.status()).isEqualTo(OrderStatus.ASSIGNED);
        assertThat(placed.hold()).isEmpty();
    }

    @Test
    void datesOfAChangeStayBetweenTheRequestAndToday() {
        assertThatThrownBy(
                        () -> in(OrderStatus.ASSIGNED).putOnHold(HoldReason.OTHER, REQUESTED.minusDays(1), null, TODAY))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.violations().get(0).field()).isEqualTo("from"));
        assertThatThrownBy(() -> in(OrderStatus.ASSIGNED).putOnHold(HoldReason.OTHER, TODAY.plusDays(1), null, TODAY))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> in(OrderStatus.ASSIGNED).putOnHold(HoldReason.OTHER, TODAY, TODAY, TODAY))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.violations().get(0).field()).isEqualTo("resumeOn"));
        assertThatThrownBy(() -> in(OrderStatus.ON_HOLD).resume(TODAY.minusDays(4), TODAY))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> assertThat(v.violations().get(0).field()).isEqualTo("on"));
        assertThatThrownBy(() -> in(OrderStatus.PLACED).cancel(CancelReason.OTHER, TODAY.plusDays(1), TODAY))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void anOrderCompletesTheDayAfterItsLastLineEndsAndNotBefore() {
        CareOrder order = in(OrderStatus.ASSIGNED);
        LocalDate lastDay = order.lines().get(0).endsOn();
        assertThat(order.completeIfOver(lastDay)).isEmpty();
        OrderCompleted completed = order.completeIfOver(lastDay.plusDays(1)).orElseThrow();
        assertThat(completed.on()).isEqualTo(lastDay.plusDays(1));
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.completeIfOver(lastDay.plusDays(2))).as("once").isEmpty();

        CareOrder held = in(OrderStatus.ON_HOLD);
        assertThat(held.completeIfOver(lastDay.plusDays(1))).isPresent();
        assertThat(in(OrderStatus.CANCELLED).completeIfOver(lastDay.plusDays(1)))
                .isEmpty();
        assertThat(in(OrderStatus.REJECTED).completeIfOver(lastDay.plusDays(1))).isEmpty();
    }

    @Test
    void aStaleVersionIsRefused() {
        CareOrder order = in(OrderStatus.ASSIGNED);
        order.expectVersion(4);
        order.expectVersion(null);
        assertThatThrownBy(() -> order.expectVersion(3))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.STALE));
    }
}
