package kr.dolbom.billing.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

/**
 * Which open holds keep a provider's month from approval: the provider's own in the settlement's district, dated in
 * the month or earlier; the refusal is a conflict that counts them and names their deliveries, oldest first.
 */
class HoldPolicyTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final Settlement SUBMITTED_MARCH = Settlement.open(UUID.randomUUID(), "mapo", "coop", MARCH)
            .book(Lines.visit(Settlement.open(UUID.randomUUID(), "mapo", "coop", MARCH), MARCH.atDay(2), 38_340))
            .submit(MARCH.plusMonths(1));

    @Test
    void noOpenHoldOrOnlyLaterOnesLetTheMonthBeApproved() {
        assertThatNoException().isThrownBy(() -> HoldPolicy.requireNoneBlocking(SUBMITTED_MARCH, List.of()));
        List<HeldDelivery> april = List.of(hold(LocalDate.of(2026, 4, 1)), hold(LocalDate.of(2026, 5, 31)));

        assertThat(HoldPolicy.blocking(SUBMITTED_MARCH, april)).isEmpty();
        assertThatNoException().isThrownBy(() -> HoldPolicy.requireNoneBlocking(SUBMITTED_MARCH, april));
    }

    @Test
    void aHoldOfTheMonthOrOfAnEarlierOneBlocksItToTheLastDay() {
        HeldDelivery lastDay = hold(MARCH.atEndOfMonth());
        HeldDelivery january = hold(LocalDate.of(2026, 1, 15));
        HeldDelivery lastYear = hold(LocalDate.of(2025, 12, 31));
        HeldDelivery nextMonth = hold(LocalDate.of(2026, 4, 1));

        assertThat(HoldPolicy.blocking(SUBMITTED_MARCH, List.of(nextMonth, lastDay, january, lastYear)))
                .as("oldest first, the next month's left out")
                .containsExactly(lastYear, january, lastDay);
    }

    @Test
    void anotherProvidersOrAnotherDistrictsHoldsDoNotConcernTheMonth() {
        HeldDelivery otherProvider = new HeldDelivery(
                UUID.randomUUID(),
                "mapo",
                "someone-else",
                ServiceType.MEAL_SUPPORT,
                MARCH.atDay(3),
                DeliveryHoldReason.NOT_PLANNED,
                MARCH.atDay(4));
        HeldDelivery otherDistrict = new HeldDelivery(
                UUID.randomUUID(),
                "seodaemun",
                "coop",
                ServiceType.MEAL_SUPPORT,
                MARCH.atDay(3),
                DeliveryHoldReason.NOT_PLANNED,
                MARCH.atDay(4));

        assertThat(HoldPolicy.blocking(SUBMITTED_MARCH, List.of(otherProvider, otherDistrict)))
                .isEmpty();
    }

    @Test
    void theRefusalIsAConflictCountingTheHoldsAndNamingTheirDeliveries() {
        HeldDelivery first = hold(MARCH.atDay(2));
        HeldDelivery second = hold(MARCH.atDay(20));

        RuleViolation refused = catchThrowableOfType(
                RuleViolation.class, () -> HoldPolicy.requireNoneBlocking(SUBMITTED_MARCH, List.of(second, first)));

        assertThat(refused.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
        assertThat(refused.violations()).isEmpty();
        assertThat(refused.getMessage())
                .contains("coop", "2026-03", "2 held deliveries", "2026-03-02", "neither released nor rejected");
        assertThat(refused.properties())
                .containsOnlyKeys("openHolds")
                .containsEntry(
                        "openHolds", new HoldPolicy.OpenHolds(2, List.of(first.deliveryId(), second.deliveryId())));
    }

    @Test
    void aRefusalNamesTheFirstHundredDeliveriesAndCountsThemAll() {
        List<HeldDelivery> many = IntStream.range(0, 130)
                .mapToObj(i -> hold(LocalDate.of(2025, 1, 1).plusDays(i)))
                .toList();

        RuleViolation refused =
                catchThrowableOfType(RuleViolation.class, () -> HoldPolicy.requireNoneBlocking(SUBMITTED_MARCH, many));

        HoldPolicy.OpenHolds open = (HoldPolicy.OpenHolds) refused.properties().get("openHolds");
        assertThat(open.count()).isEqualTo(130);
        assertThat(open.deliveryIds())
                .hasSize(HoldPolicy.LISTED)
                .containsExactlyElementsOf(many.subList(0, HoldPolicy.LISTED).stream()
                        .map(HeldDelivery::deliveryId)
                        .toList());
    }

    private static HeldDelivery hold(LocalDate day) {
        return new HeldDelivery(
                UUID.randomUUID(),
                "mapo",
                "coop",
                ServiceType.TEMPORARY_HOME_CARE,
                day,
                DeliveryHoldReason.WORKER_OVERLAP,
                day.plusDays(1));
    }
}
