package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.ServiceType;

/**
 * The lines of a provider's month (정산 내역) as the charges say, read at one moment: sums by service, and each
 * adjustment on its own with the charge, delivery and service month it stands for. Its totals are the settlement's:
 * a closed month's stay equal to what was approved, as no line is ever added to it, moved or changed.
 *
 * @param ownCharges the month's own charges by service (deliveries of the month)
 * @param adjustments late charges of the provider's earlier, closed months, counted here
 * @param reversals the reversals of voided deliveries' charges booked here, negative, each naming its charge
 */
public record Statement(List<ServiceTotal> ownCharges, List<Adjustment> adjustments, List<Reversal> reversals) {

    public static final Statement EMPTY = new Statement(List.of(), List.of(), List.of());

    public Statement {
        ownCharges = List.copyOf(ownCharges);
        adjustments = List.copyOf(adjustments);
        reversals = List.copyOf(reversals);
    }

    /** A month without reversals. */
    public Statement(List<ServiceTotal> ownCharges, List<Adjustment> adjustments) {
        this(ownCharges, adjustments, List.of());
    }

    /** The sums of one service's lines. */
    public record ServiceTotal(
            ServiceType serviceType, long deliveries, long amount, long publicShare, long coPayment) {

        Totals totals() {
            return new Totals(deliveries, amount, publicShare, coPayment);
        }
    }

    /** A late charge of an earlier month, counted in this one. */
    public record Adjustment(
            UUID chargeId,
            UUID deliveryId,
            ServiceType serviceType,
            LocalDate serviceDate,
            long amount,
            long publicShare,
            long coPayment) {

        public YearMonth serviceMonth() {
            return YearMonth.from(serviceDate);
        }

        Totals totals() {
            return new Totals(1, amount, publicShare, coPayment);
        }
    }

    /**
     * 청구 취소: the reversal of the charge {@code reverses} of a voided delivery, with that charge's delivery and day;
     * its amounts are negative.
     */
    public record Reversal(
            UUID chargeId,
            UUID reverses,
            UUID deliveryId,
            ServiceType serviceType,
            LocalDate serviceDate,
            long amount,
            long publicShare,
            long coPayment) {

        Totals totals() {
            return new Totals(1, amount, publicShare, coPayment);
        }
    }

    /** Every line, adjustments and reversals included. */
    public Totals total() {
        Totals sum = Totals.NONE;
        for (ServiceTotal service : ownCharges) {
            sum = sum.plus(service.totals());
        }
        return sum.plus(adjustmentTotal()).plus(reversalTotal());
    }

    public Totals reversalTotal() {
        Totals sum = Totals.NONE;
        for (Reversal reversal : reversals) {
            sum = sum.plus(reversal.totals());
        }
        return sum;
    }

    public Totals adjustmentTotal() {
        Totals sum = Totals.NONE;
        for (Adjustment adjustment : adjustments) {
            sum = sum.plus(adjustment.totals());
        }
        return sum;
    }

    /** Every line by service, adjustments and reversals included, by the name of the service. */
    public List<ServiceTotal> byService() {
        Map<ServiceType, Totals> sums = new EnumMap<>(ServiceType.class);
        ownCharges.forEach(service -> sums.merge(service.serviceType(), service.totals(), Totals::plus));
        adjustments.forEach(adjustment -> sums.merge(adjustment.serviceType(), adjustment.totals(), Totals::plus));
        reversals.forEach(reversal -> sums.merge(reversal.serviceType(), reversal.totals(), Totals::plus));
        List<ServiceTotal> services = new ArrayList<>();
        sums.forEach((type, sum) ->
                services.add(new ServiceTotal(type, sum.lines(), sum.amount(), sum.publicShare(), sum.coPayment())));
        services.sort(Comparator.comparing(service -> service.serviceType().name()));
        return services;
    }
}
