package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * 정산 지급: the district paid a provider its approved month (the public share; co-payments are the users'), as
 * the billing officer recorded it with the payment's reference. Amounts are whole won.
 *
 * @param settlementId the settlement of this district, provider and month: the key of its events
 * @param reference the payment's reference (a transfer or voucher number), at most 100 characters
 * @param paidOn the Korean day of the payment, after the month
 */
public record SettlementPaid(
        UUID settlementId,
        String district,
        String providerId,
        YearMonth month,
        long amount,
        long publicShare,
        long coPayment,
        String reference,
        LocalDate paidOn)
        implements CareEvent {

    /** The longest payment reference. */
    public static final int LONGEST_REFERENCE = 100;

    public SettlementPaid {
        present(settlementId, "settlementId");
        present(district, "district");
        present(providerId, "providerId");
        present(month, "month");
        present(reference, "reference");
        present(paidOn, "paidOn");
        within(amount, 0, SettlementApproved.LARGEST_TOTAL, "amount");
        within(publicShare, 0, amount, "publicShare");
        within(coPayment, 0, amount, "coPayment");
        check(
                publicShare + coPayment == amount,
                "publicShare " + publicShare + " + coPayment " + coPayment + " is not the amount " + amount);
        within(reference.length(), 1, LONGEST_REFERENCE, "reference length");
        check(
                paidOn.isAfter(month.atEndOfMonth()),
                "paidOn " + paidOn + " is not after the month " + month + ": a month is paid once approved");
    }

    @Override
    public String subject() {
        return settlementId.toString();
    }

    @Override
    public LocalDate businessDate() {
        return paidOn;
    }
}
