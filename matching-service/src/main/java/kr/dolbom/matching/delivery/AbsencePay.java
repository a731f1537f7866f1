package kr.dolbom.matching.delivery;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import kr.dolbom.events.DeliveryOutcome;

/**
 * 부재 방문 지급 기준: whether a visit that gave no service is paid, by the dated rule in force on its day (data, the
 * {@code absence_pay_rule} rows). Without a rule it is not paid: the public purse pays for care given.
 */
public final class AbsencePay {

    /** From {@code validFrom} on (until a later row), visits with {@code outcome} are paid or not. */
    public record Rule(DeliveryOutcome outcome, LocalDate validFrom, boolean paid) {}

    private AbsencePay() {}

    public static boolean paid(DeliveryOutcome outcome, LocalDate serviceDate, List<Rule> rules) {
        if (outcome == DeliveryOutcome.DELIVERED) {
            return true;
        }
        return rules.stream()
                .filter(rule -> rule.outcome() == outcome && !rule.validFrom().isAfter(serviceDate))
                .max(Comparator.comparing(Rule::validFrom))
                .map(Rule::paid)
                .orElse(false);
    }
}
