package kr.dolbom.billing.settlement;

import java.time.YearMonth;
import java.util.SortedMap;

/**
 * In which month of its provider's settlements a charge counts. In its service month while that month is open (a
 * draft, or no settlement yet); a month submitted, approved or paid never takes a line again, so a charge reported
 * late for it is an adjustment of the provider's next draft after it, or, when there is none, of the current month
 * (its draft opened for it), or of the first month after that which still can take lines.
 */
public final class SettlementMonth {

    private SettlementMonth() {}

    /**
     * @param states the provider's settlements (in the charge's district) of the service month and later, by month
     * @param current the month of today, in Korea
     */
    public static YearMonth of(
            YearMonth serviceMonth, SortedMap<YearMonth, SettlementState> states, YearMonth current) {
        SettlementState own = states.get(serviceMonth);
        if (own == null || own.open()) {
            return serviceMonth;
        }
        for (var later : states.tailMap(serviceMonth.plusMonths(1)).entrySet()) {
            if (later.getValue().open()) {
                return later.getKey();
            }
        }
        YearMonth month = current.isAfter(serviceMonth) ? current : serviceMonth.plusMonths(1);
        while (states.containsKey(month)) { // only drafts take lines, and every later one was passed over above
            month = month.plusMonths(1);
        }
        return month;
    }
}
