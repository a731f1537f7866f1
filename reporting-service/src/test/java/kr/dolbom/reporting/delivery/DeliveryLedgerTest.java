package kr.dolbom.reporting.delivery;

import static kr.dolbom.events.ServiceType.MEAL_SUPPORT;
import static kr.dolbom.events.ServiceType.TEMPORARY_HOME_CARE;
import static kr.dolbom.reporting.CareEvents.held;
import static kr.dolbom.reporting.CareEvents.rejectedDelivery;
import static kr.dolbom.reporting.CareEvents.units;
import static kr.dolbom.reporting.CareEvents.visit;
import static kr.dolbom.reporting.CareEvents.voided;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.reporting.delivery.DeliveryLedger.Served;
import kr.dolbom.reporting.delivery.DeliveryState.Stage;
import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    private static final UUID RESIDENT = UUID.randomUUID();
    // the last day of October, voided (and so its month) in November: it counts, and is struck out, in October
    private static final LocalDate OCT_31 = LocalDate.of(2026, 10, 31);
    private static final DeliveryMonth OCTOBER_MEALS =
            new DeliveryMonth("mapo", LocalDate.of(2026, 10, 1), MEAL_SUPPORT);

    private final ServiceDelivered meal = units(UUID.randomUUID(), MEAL_SUPPORT, "mapo", RESIDENT, OCT_31, 12);

    @Test
    void aVoidTakesOffExactlyWhatItsDeliveryAddedInTheMonthOfItsServiceDate() {
        ServiceDelivered visit = visit(
                UUID.randomUUID(),
                TEMPORARY_HOME_CARE,
                "mapo",
                RESIDENT,
                OCT_31,
                LocalTime.of(9, 0),
                LocalTime.of(11, 30));
        DeliveryLedger counted = ledger(List.of(), meal, visit);
        DeliveryLedger struckOut = ledger(counted.states(), voided(meal), voided(visit));

        assertThat(counted.changes())
                .containsEntry(OCTOBER_MEALS, new DeliveryTotals(1, 12, 0, 0))
                .containsEntry(
                        new DeliveryMonth("mapo", LocalDate.of(2026, 10, 1), TEMPORARY_HOME_CARE),
                        new DeliveryTotals(1, 0, 150, 0));
        assertThat(struckOut.changes())
                .containsEntry(OCTOBER_MEALS, new DeliveryTotals(-1, -12, 0, 0))
                .containsEntry(
                        new DeliveryMonth("mapo", LocalDate.of(2026, 10, 1), TEMPORARY_HOME_CARE),
                        new DeliveryTotals(-1, 0, -150, 0));
        assertThat(struckOut.unserved()).contains(new Served(OCTOBER_MEALS, RESIDENT));
        assertThat(struckOut.states()).extracting(DeliveryState::stage).containsOnly(Stage.VOIDED);
    }

    @Test
    void aSecondVoidOrASecondDeliveryOfTheSameDeliveryChangesNothing() {
        DeliveryLedger ledger = ledger(List.of(), meal, meal, voided(meal), voided(meal), meal);

        assertThat(ledger.changes()).containsExactly(Map.entry(OCTOBER_MEALS, DeliveryTotals.NONE));
    }

    @Test
    void aVoidOfADeliveryNeverHeardOfCountsNothingAndKeepsTheDeliveryFromCounting() {
        DeliveryLedger voidFirst = ledger(List.of(), voided(meal));
        assertThat(voidFirst.changes()).isEmpty();
        assertThat(voidFirst.unserved()).isEmpty();
        assertThat(voidFirst.states())
                .extracting(DeliveryState::stage, DeliveryState::month)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Stage.VOIDED, OCTOBER_MEALS));

        DeliveryLedger late = ledger(voidFirst.states(), meal);
        assertThat(late.changes()).isEmpty();
        assertThat(late.served()).isEmpty();
    }

    @Test
    void aHeldDeliveryCountsAsHeldUntilReleasedThenOnceAsDelivered() {
        DeliveryLedger heldOnly = ledger(List.of(), held(meal));
        assertThat(heldOnly.changes()).containsExactly(Map.entry(OCTOBER_MEALS, DeliveryTotals.ONE_HELD));
        assertThat(heldOnly.served()).isEmpty();

        DeliveryLedger released = ledger(heldOnly.states(), meal, held(meal));
        assertThat(released.changes()).containsExactly(Map.entry(OCTOBER_MEALS, new DeliveryTotals(1, 12, 0, -1)));
        assertThat(released.served()).containsExactly(new Served(OCTOBER_MEALS, RESIDENT));
    }

    @Test
    void aRejectedDeliveryLeavesHeldAndIsNeverCounted() {
        DeliveryLedger heldOnly = ledger(List.of(), held(meal));
        DeliveryLedger rejected = ledger(heldOnly.states(), rejectedDelivery(meal), rejectedDelivery(meal), held(meal));

        assertThat(rejected.changes()).containsExactly(Map.entry(OCTOBER_MEALS, DeliveryTotals.ONE_HELD.negated()));
        assertThat(rejected.states()).extracting(DeliveryState::stage).containsExactly(Stage.REJECTED);
        // a rejection heard before its hold: the hold counts nothing
        assertThat(ledger(List.of(), rejectedDelivery(meal), held(meal)).changes())
                .isEmpty();
    }

    @Test
    void inOneBatchAsInManyTheSameFigures() {
        ServiceDelivered other = units(UUID.randomUUID(), MEAL_SUPPORT, "mapo", RESIDENT, OCT_31, 5);
        DeliveryLedger together = ledger(List.of(), held(meal), meal, other, voided(meal));

        assertThat(together.changes()).containsExactly(Map.entry(OCTOBER_MEALS, new DeliveryTotals(1, 5, 0, 0)));
    }

    private static DeliveryLedger ledger(Iterable<DeliveryState> before, CareEvent... events) {
        List<DeliveryState> states = new java.util.ArrayList<>();
        before.forEach(states::add);
        DeliveryLedger ledger = new DeliveryLedger(states);
        for (CareEvent event : events) {
            ledger.apply(event);
        }
        return ledger;
    }
}
