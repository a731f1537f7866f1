package kr.dolbom.reporting.order;

import java.time.YearMonth;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.OrderRejected;
import kr.dolbom.reporting.ReportingMonth;

/** What one order adds to its district's month of requests (신청). */
public record OrderFigures(
        String district, YearMonth month, long placed, long rejected, long urgent, long linesRequested) {

    public static OrderFigures of(OrderPlaced placed) {
        return new OrderFigures(
                placed.district(),
                ReportingMonth.of(placed),
                1,
                0,
                placed.urgent() ? 1 : 0,
                placed.lines().size());
    }

    /** A rejected order requested lines too, but none of them will ever be matched: they are not counted. */
    public static OrderFigures of(OrderRejected rejected) {
        return new OrderFigures(rejected.district(), ReportingMonth.of(rejected), 0, 1, 0, 0);
    }

    /** Two figures of the same district's month, together. */
    public OrderFigures plus(OrderFigures other) {
        if (!district.equals(other.district) || !month.equals(other.month)) {
            throw new IllegalArgumentException("figures of " + district + " " + month + " and " + other.district + " "
                    + other.month + " are not one month");
        }
        return new OrderFigures(
                district,
                month,
                Math.addExact(placed, other.placed),
                Math.addExact(rejected, other.rejected),
                Math.addExact(urgent, other.urgent),
                Math.addExact(linesRequested, other.linesRequested));
    }
}
