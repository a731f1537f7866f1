package kr.dolbom.billing.settlement;

import java.time.YearMonth;
import java.util.List;
import kr.dolbom.events.ServiceType;

/**
 * What the district owes a provider for a month (정산), by service, from the charges of deliveries dated in
 * that month. The public share is what the district pays; co-payments are collected from the users.
 */
public record Settlement(
        String providerId,
        YearMonth month,
        long deliveries,
        long amount,
        long publicShare,
        long coPayment,
        List<Line> byService) {

    public record Line(ServiceType serviceType, long deliveries, long amount, long publicShare, long coPayment) {}

    static Settlement of(String providerId, YearMonth month, List<Line> lines) {
        return new Settlement(
                providerId,
                month,
                lines.stream().mapToLong(Line::deliveries).sum(),
                lines.stream().mapToLong(Line::amount).sum(),
                lines.stream().mapToLong(Line::publicShare).sum(),
                lines.stream().mapToLong(Line::coPayment).sum(),
                lines);
    }
}
