package kr.dolbom.billing.settlement;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Books each charge as a line of its provider's settlement, in the transaction that records the charge: in the
 * month of its delivery while that month is a draft, otherwise as an adjustment of a later draft
 * ({@link SettlementMonth}). A month's charges are booked one at a time under the lock of its settlement, which
 * submitting and approving take too: a line is never added to a month being closed.
 */
@Service
public class SettlementBooking {

    private static final Logger log = LoggerFactory.getLogger(SettlementBooking.class);

    private final SettlementStore settlements;
    private final Clock clock;

    SettlementBooking(SettlementStore settlements, Clock clock) {
        this.settlements = settlements;
        this.clock = clock;
    }

    /**
     * Opens the draft of the service month when the provider has no settlement for it yet, and locks the provider's
     * settlements from that month on to the end of the transaction. Charging holds them before it looks whether the
     * delivery was charged already, so that the same delivery heard twice at once is charged and booked once.
     */
    public Mono<Void> hold(String district, String providerId, YearMonth serviceMonth) {
        return settlements
                .open(district, providerId, serviceMonth, "opened by the month's first charge", clock.instant())
                .thenMany(settlements.lockFrom(district, providerId, serviceMonth))
                .then();
    }

    /**
     * Books the line where it counts and answers the month, the charge's settlement month. Call it after
     * {@link #hold} in the same transaction.
     *
     * @throws kr.dolbom.platform.domain.RuleViolation when the month's total would pass its bound
     */
    public Mono<YearMonth> book(SettlementLine line) {
        return book(line, line.serviceMonth());
    }

    /**
     * Books the reversal of a charge counted in {@code chargedIn}: in that month while it is a draft, otherwise in
     * the provider's next month that takes lines, as a late charge is; answers the month. Call it after
     * {@link #hold} of the charge's service month in the same transaction.
     */
    public Mono<YearMonth> bookReversal(SettlementLine reversal, YearMonth chargedIn) {
        if (!reversal.reversal() || chargedIn.isBefore(reversal.serviceMonth())) {
            throw new IllegalArgumentException(reversal + " is no reversal of a charge counted in " + chargedIn);
        }
        return book(reversal, chargedIn);
    }

    private Mono<YearMonth> book(SettlementLine line, YearMonth from) {
        YearMonth serviceMonth = line.serviceMonth();
        return settlements
                .lockFrom(line.district(), line.providerId(), serviceMonth)
                .collectList()
                .flatMap(held -> {
                    SortedMap<YearMonth, SettlementState> states = states(held);
                    YearMonth month = SettlementMonth.of(from, states, YearMonth.now(clock));
                    Mono<Settlement> target = held.stream()
                            .filter(settlement -> settlement.month().equals(month))
                            .findFirst()
                            .map(Mono::just)
                            .orElseGet(() -> settlements
                                    .open(
                                            line.district(),
                                            line.providerId(),
                                            month,
                                            "opened for the late " + (line.reversal() ? "reversal" : "charge")
                                                    + " of delivery " + line.deliveryId() + " of " + from
                                                    + ", a month that takes no more lines",
                                            clock.instant())
                                    .then(settlements.lock(line.district(), line.providerId(), month)));
                    return target.flatMap(settlement -> {
                        Settlement booked = settlement.book(line);
                        if (!month.equals(from)) {
                            log.info(
                                    "{} {} of delivery {} on {} is booked in {}'s settlement for {}: {} is {}",
                                    line.reversal() ? "Reversal" : "Charge",
                                    line.chargeId(),
                                    line.deliveryId(),
                                    line.serviceDate(),
                                    line.providerId(),
                                    month,
                                    from,
                                    states.get(from));
                        }
                        return settlements.save(booked, settlement.version()).thenReturn(month);
                    });
                });
    }

    private static SortedMap<YearMonth, SettlementState> states(List<Settlement> settlements) {
        SortedMap<YearMonth, SettlementState> states = new TreeMap<>();
        settlements.forEach(settlement -> states.put(settlement.month(), settlement.state()));
        return states;
    }
}
