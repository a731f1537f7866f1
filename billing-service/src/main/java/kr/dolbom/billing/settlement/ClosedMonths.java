package kr.dolbom.billing.settlement;

import java.time.YearMonth;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The closed months of a district (정산 마감), for rules dated in the past: a month is closed for the district once
 * any of its providers' settlements of it is approved, and a rule reaching back into it would change what the
 * approval counted.
 */
@Service
public class ClosedMonths {

    private final SettlementStore settlements;

    ClosedMonths(SettlementStore settlements) {
        this.settlements = settlements;
    }

    /**
     * Empty while none of the district's months is closed. Read under the district's closing lock, shared: a month
     * being approved meanwhile is waited for, and the caller's transaction keeps it from closing until it commits.
     */
    public Mono<YearMonth> latest(String district) {
        return settlements.lockClosing(district, false).then(settlements.latestClosedMonth(district));
    }
}
