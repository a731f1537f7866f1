package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * 정산 승인: the district's billing officer approved a provider's month, as the provider had confirmed it. The
 * month is closed from now on: its lines and totals never change, and a charge of it reported later counts in a
 * later month of the provider as an adjustment. Amounts are whole won.
 *
 * @param settlementId the settlement of this district, provider and month: the key of its events
 * @param lines the charges counted in the month, adjustments included
 * @param amount the sum of its lines: {@code publicShare + coPayment}
 * @param publicShare what the district owes the provider
 * @param coPayment what the users pay
 * @param adjustmentLines of the lines, those that are late charges of earlier, closed months
 * @param adjustmentAmount their sum, part of {@code amount}
 * @param approvedOn the Korean day of the approval, after the month
 */
public record SettlementApproved(
        UUID settlementId,
        String district,
        String providerId,
        YearMonth month,
        long lines,
        long amount,
        long publicShare,
        long coPayment,
        long adjustmentLines,
        long adjustmentAmount,
        LocalDate approvedOn)
        implements CareEvent {

    /**
     * No provider's month comes to more than this (one trillion won, ten thousand of the largest charges): a bound
     * far above any district's budget, so that a forged or corrupted total cannot reach the books.
     */
    public static final long LARGEST_TOTAL = 10_000 * DeliveryCharged.LARGEST_CHARGE;

    public SettlementApproved {
        present(settlementId, "settlementId");
        present(district, "district");
        present(providerId, "providerId");
        present(month, "month");
        present(approvedOn, "approvedOn");
        within(lines, 0, Long.MAX_VALUE, "lines");
        within(amount, 0, LARGEST_TOTAL, "amount");
        within(publicShare, 0, amount, "publicShare");
        within(coPayment, 0, amount, "coPayment");
        check(
                publicShare + coPayment == amount,
                "publicShare " + publicShare + " + coPayment " + coPayment + " is not the amount " + amount);
        within(adjustmentLines, 0, lines, "adjustmentLines");
        within(adjustmentAmount, 0, amount, "adjustmentAmount");
        check(
                approvedOn.isAfter(month.atEndOfMonth()),
                "approvedOn " + approvedOn + " is not after the month " + month + ": a month is settled once over");
    }

    @Override
    public String subject() {
        return settlementId.toString();
    }

    @Override
    public LocalDate businessDate() {
        return approvedOn;
    }
}
