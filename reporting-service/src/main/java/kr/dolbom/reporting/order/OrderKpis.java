package kr.dolbom.reporting.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * A district's month of orders and assignments. Orders count in the month they were requested, lines in the
 * month they were assigned, so a line requested late in one month and assigned early in the next raises the
 * next month's match rate; over a month that is quiet at its edges the two agree.
 *
 * @param urgent          placed orders marked urgent (긴급)
 * @param linesRequested  service lines of placed orders
 * @param lastResort      lines the public home-care centre took (민간곤란사례 → 종합재가센터)
 * @param matchRate       linesAssigned / linesRequested (연계율); null when no line was requested
 * @param lastResortShare lastResort / linesAssigned; null when no line was assigned
 * @param changes         holds, resumptions, cancellations, completions and first services dated in the month
 * @param firstService    how long the orders whose first delivery fell in the month waited for it
 * @param offers          the month's offers to members and their answers (연계 제안)
 */
public record OrderKpis(
        long placed,
        long rejected,
        long urgent,
        long linesRequested,
        long linesAssigned,
        long lastResort,
        @Nullable BigDecimal matchRate,
        @Nullable BigDecimal lastResortShare,
        OrderChanges changes,
        FirstService firstService,
        Offers offers) {

    /**
     * 연계 제안: offers made in the month, and the answers given in it: accepted, declined by the member, expired
     * unanswered, withdrawn (a hold, an end, a dispatch by hand).
     *
     * @param meanMinutesToAcceptance of the month's acceptances, from offer to yes; null without one
     */
    public record Offers(
            long offered,
            long accepted,
            long declined,
            long expired,
            long withdrawn,
            @Nullable BigDecimal meanMinutesToAcceptance) {

        public static final Offers NONE = new Offers(0, 0, 0, 0, 0, null);

        public static Offers of(
                long offered, long accepted, long declined, long expired, long withdrawn, long secondsToAccept) {
            return new Offers(
                    offered,
                    accepted,
                    declined,
                    expired,
                    withdrawn,
                    accepted == 0
                            ? null
                            : BigDecimal.valueOf(secondsToAccept)
                                    .divide(BigDecimal.valueOf(accepted * 60), 1, RoundingMode.HALF_UP));
        }
    }

    /** What happened to running orders in the month (보류, 재개, 취소, 종결, 서비스 개시). */
    public record OrderChanges(long held, long resumed, long cancelled, long completed, long started) {

        public static final OrderChanges NONE = new OrderChanges(0, 0, 0, 0, 0);
        /** What one hold, resumption, cancellation, completion or first service adds to its month. */
        public static final OrderChanges HELD = new OrderChanges(1, 0, 0, 0, 0);

        public static final OrderChanges RESUMED = new OrderChanges(0, 1, 0, 0, 0);
        public static final OrderChanges CANCELLED = new OrderChanges(0, 0, 1, 0, 0);
        public static final OrderChanges COMPLETED = new OrderChanges(0, 0, 0, 1, 0);
        public static final OrderChanges STARTED = new OrderChanges(0, 0, 0, 0, 1);

        public OrderChanges plus(OrderChanges other) {
            return new OrderChanges(
                    Math.addExact(held, other.held),
                    Math.addExact(resumed, other.resumed),
                    Math.addExact(cancelled, other.cancelled),
                    Math.addExact(completed, other.completed),
                    Math.addExact(started, other.started));
        }
    }

    /**
     * 요청~첫 서비스: days from the request to the first delivery, of the orders first served in the month.
     *
     * @param medianDays  null when no order was first served in the month
     * @param longestDays null likewise
     */
    public record FirstService(
            long orders,
            @Nullable Integer medianDays,
            @Nullable Integer longestDays,
            long withinSevenDays) {

        public static final FirstService NONE = new FirstService(0, null, null, 0);
    }

    public static OrderKpis of(
            long placed, long rejected, long urgent, long linesRequested, long linesAssigned, long lastResort) {
        return of(
                placed,
                rejected,
                urgent,
                linesRequested,
                linesAssigned,
                lastResort,
                OrderChanges.NONE,
                FirstService.NONE,
                Offers.NONE);
    }

    public static OrderKpis of(
            long placed,
            long rejected,
            long urgent,
            long linesRequested,
            long linesAssigned,
            long lastResort,
            OrderChanges changes,
            FirstService firstService,
            Offers offers) {
        return new OrderKpis(
                placed,
                rejected,
                urgent,
                linesRequested,
                linesAssigned,
                lastResort,
                Ratio.of(linesAssigned, linesRequested),
                Ratio.of(lastResort, linesAssigned),
                changes,
                firstService,
                offers);
    }
}
