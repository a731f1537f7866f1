package kr.dolbom.billing.settlement;

import java.time.LocalDate;
import java.util.UUID;

/** Lines of charges for the settlements of unit tests. */
final class Lines {

    private Lines() {}

    /** A visit of a basic-livelihood recipient, all public. */
    static SettlementLine visit(Settlement of, LocalDate day, long amount) {
        return new SettlementLine(
                UUID.randomUUID(), UUID.randomUUID(), of.district(), of.providerId(), day, amount, amount, 0);
    }

    /** A visit split between the public and the user. */
    static SettlementLine visit(Settlement of, LocalDate day, long publicShare, long coPayment) {
        return new SettlementLine(
                UUID.randomUUID(),
                UUID.randomUUID(),
                of.district(),
                of.providerId(),
                day,
                publicShare + coPayment,
                publicShare,
                coPayment);
    }
}
