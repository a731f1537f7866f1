package kr.dolbom.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.billing.funding.FundingRule;
import kr.dolbom.billing.funding.PublicShare;
import kr.dolbom.billing.settlement.SettlementLine;
import kr.dolbom.billing.tariff.CareSos2021;
import kr.dolbom.billing.tariff.Usage;
import kr.dolbom.events.ChargeReversed;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import kr.dolbom.events.VoidReason;
import org.junit.jupiter.api.Test;

/** A reversal is the exact negative of its charge, part by part, and announces what it takes back as positive won. */
class ReversalTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate TODAY = LocalDate.of(2026, 4, 2);

    @Test
    void aReversalNegatesEveryPartOfItsChargeSoThatTheTwoAddUpToNothing() {
        // 7,401 at 50 %: 3,700 public, 3,701 co-payment; the reversal takes back exactly those, not a re-split
        Charge charge =
                charge(ServiceType.MOBILITY_SUPPORT, Usage.minutes(30), 5_000).settledIn(YearMonth.of(2026, 3));
        Charge odd = new Charge(
                charge.chargeId(),
                charge.delivery(),
                7_401,
                new FundingPolicy.Split(3_700, 3_701),
                charge.tariffId(),
                0,
                charge.settlementMonth(),
                charge.fundingRuleId());

        Reversal reversal = Reversal.of(UUID.randomUUID(), odd, VoidReason.NOT_DELIVERED, TODAY);

        assertThat(reversal.amount()).isEqualTo(-7_401);
        assertThat(reversal.publicShare()).isEqualTo(-3_700);
        assertThat(reversal.coPayment()).isEqualTo(-3_701);
        assertThat(Math.addExact(odd.amount(), reversal.amount())).isZero();
        assertThat(Math.addExact(odd.split().publicShare(), reversal.publicShare()))
                .isZero();
        assertThat(Math.addExact(odd.split().coPayment(), reversal.coPayment())).isZero();
        SettlementLine line = reversal.line();
        assertThat(line.reversal()).isTrue();
        assertThat(line.reverses()).isEqualTo(odd.chargeId());
        assertThat(line.serviceDate()).as("the charge's own day").isEqualTo(DAY);
        assertThat(line.publicShare() + line.coPayment()).isEqualTo(line.amount());
        assertThat(reversal.minutesGivenBack()).as("mobility has no annual cap").isZero();
    }

    @Test
    void itCountsWhereItsChargeDidOrLaterAndAnnouncesTheAmountsTakenBackAsPositiveWon() {
        Charge charge = charge(ServiceType.TEMPORARY_HOME_CARE, Usage.minutes(150), 10_000);
        Reversal reversal = Reversal.of(UUID.randomUUID(), charge, VoidReason.DUPLICATE_REPORT, TODAY);
        assertThat(reversal.settlementMonth()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(reversal.minutesGivenBack())
                .as("home care's minutes go back to the cap")
                .isEqualTo(150);

        ChargeReversed announced = reversal.settledIn(YearMonth.of(2026, 5)).announcement();
        assertThat(announced.originalChargeId()).isEqualTo(charge.chargeId());
        assertThat(announced.chargeId()).isEqualTo(reversal.chargeId());
        assertThat(announced.amount()).isEqualTo(38_340);
        assertThat(announced.publicShare()).isEqualTo(38_340);
        assertThat(announced.coPayment()).isZero();
        assertThat(announced.settlementMonth()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(announced.reversedOn()).isEqualTo(TODAY);

        assertThatThrownBy(() -> reversal.settledIn(YearMonth.of(2026, 2)))
                .as("never before the month its charge counts in")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reversal.of(charge.chargeId(), charge, VoidReason.OTHER, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Charge charge(ServiceType type, Usage usage, int basisPoints) {
        Charge.Delivery delivery = new Charge.Delivery(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "mapo-homecare-coop",
                "mapo",
                type,
                UUID.randomUUID(),
                IncomeTier.NEAR_POOR,
                DAY,
                usage);
        FundingRule rule = new FundingRule(
                "rule",
                "mapo",
                type,
                IncomeTier.NEAR_POOR,
                DAY,
                new PublicShare(basisPoints),
                "test",
                null,
                null,
                Instant.EPOCH);
        return Charge.of(
                delivery, type == ServiceType.TEMPORARY_HOME_CARE ? CareSos2021.HOME_CARE : CareSos2021.MOBILITY, rule);
    }
}
