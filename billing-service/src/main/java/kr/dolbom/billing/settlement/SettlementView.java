package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.DeliveryHoldReason;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * A provider's month as the district and the provider read it: its state, its lines and totals (the public share
 * the district pays, the co-payments users pay), the adjustments apart, the payment once made, and who did what.
 *
 * @param settlementId the key of the settlement's events; none while the month has no settlement (no charge yet)
 * @param lines the charges counted in the month, adjustments included
 * @param deliveries the same count, by the name the first version of this answer gave it
 * @param amount the sum of all lines: {@code publicShare + coPayment}
 * @param adjustments of the lines, the late charges of the provider's earlier, closed months, each with its delivery
 * @param reversals of the lines, the reversals of voided deliveries' charges (negative), each naming its charge
 * @param byService all lines by service
 * @param approvedOn the day of the approval, from which the month never changes
 * @param held 보류: the month's deliveries held for the window, neither released nor rejected yet; apart, in no total
 */
record SettlementView(
        @Nullable UUID settlementId,
        String providerId,
        String district,
        YearMonth month,
        SettlementState state,
        long lines,
        long deliveries,
        long amount,
        long publicShare,
        long coPayment,
        Adjustments adjustments,
        Reversals reversals,
        List<Statement.ServiceTotal> byService,
        @Nullable LocalDate approvedOn,
        @Nullable Payment payment,
        List<Step> history,
        Held held) {

    /** The adjustment lines, their sums, and each of them with the charge and service month it stands for. */
    record Adjustments(long lines, long amount, long publicShare, long coPayment, List<Adjustment> items) {}

    record Adjustment(
            UUID chargeId,
            UUID deliveryId,
            ServiceType serviceType,
            LocalDate serviceDate,
            YearMonth serviceMonth,
            long amount,
            long publicShare,
            long coPayment) {}

    /** The reversal lines (negative sums), and each of them with the charge it takes back. */
    record Reversals(long lines, long amount, long publicShare, long coPayment, List<Statement.Reversal> items) {}

    /**
     * The held deliveries of the month (검증 보류), each with its day and reason: not charged, so not lines, until the
     * window releases them; while one of the month or earlier is open, the month is not approved.
     */
    record Held(long count, List<HeldItem> items) {

        static Held of(List<HeldDelivery> holds) {
            return new Held(
                    holds.size(),
                    holds.stream()
                            .map(hold -> new HeldItem(
                                    hold.deliveryId(),
                                    hold.serviceType(),
                                    hold.serviceDate(),
                                    hold.reason(),
                                    hold.heldOn()))
                            .toList());
        }
    }

    record HeldItem(
            UUID deliveryId,
            ServiceType serviceType,
            LocalDate serviceDate,
            DeliveryHoldReason reason,
            LocalDate heldOn) {}

    static SettlementView of(Settlement settlement, Statement statement, List<Step> history, List<HeldDelivery> held) {
        return of(
                settlement.id(),
                settlement.providerId(),
                settlement.district(),
                settlement.month(),
                settlement.state(),
                statement,
                settlement.approvedOn(),
                settlement.payment(),
                history,
                held);
    }

    /**
     * A month the provider has no settlement for (no charge counts in it yet): an empty draft, with the month's holds.
     */
    static SettlementView none(String providerId, String district, YearMonth month, List<HeldDelivery> held) {
        return of(
                null, providerId, district, month, SettlementState.DRAFT, Statement.EMPTY, null, null, List.of(), held);
    }

    private static SettlementView of(
            @Nullable UUID settlementId,
            String providerId,
            String district,
            YearMonth month,
            SettlementState state,
            Statement statement,
            @Nullable LocalDate approvedOn,
            @Nullable Payment payment,
            List<Step> history,
            List<HeldDelivery> held) {
        Totals total = statement.total();
        Totals adjusted = statement.adjustmentTotal();
        Totals reversed = statement.reversalTotal();
        return new SettlementView(
                settlementId,
                providerId,
                district,
                month,
                state,
                total.lines(),
                total.lines(),
                total.amount(),
                total.publicShare(),
                total.coPayment(),
                new Adjustments(
                        adjusted.lines(),
                        adjusted.amount(),
                        adjusted.publicShare(),
                        adjusted.coPayment(),
                        statement.adjustments().stream()
                                .map(line -> new Adjustment(
                                        line.chargeId(),
                                        line.deliveryId(),
                                        line.serviceType(),
                                        line.serviceDate(),
                                        line.serviceMonth(),
                                        line.amount(),
                                        line.publicShare(),
                                        line.coPayment()))
                                .toList()),
                new Reversals(
                        reversed.lines(),
                        reversed.amount(),
                        reversed.publicShare(),
                        reversed.coPayment(),
                        statement.reversals()),
                statement.byService(),
                approvedOn,
                payment,
                history,
                Held.of(held));
    }
}
