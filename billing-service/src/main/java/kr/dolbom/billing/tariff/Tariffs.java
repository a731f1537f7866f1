package kr.dolbom.billing.tariff;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.billing.settlement.ClosedMonths;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A district's billing officer adds the district's own tariffs: a new dated row, never an edit. The rows before it
 * stay and keep pricing the deliveries dated before its day; the charges recorded already keep their price.
 */
@Service
class Tariffs {

    private static final Logger log = LoggerFactory.getLogger(Tariffs.class);

    private final TariffStore tariffs;
    private final ClosedMonths closedMonths;
    private final TransactionalOperator tx;
    private final Clock clock;

    Tariffs(TariffStore tariffs, ClosedMonths closedMonths, TransactionalOperator tx, Clock clock) {
        this.tariffs = tariffs;
        this.closedMonths = closedMonths;
        this.tx = tx;
        this.clock = clock;
    }

    /** The tariff, its bands and the audit of the change in one transaction: all of them, or nothing. */
    Mono<TariffEntry> add(Caller caller, String district, TariffProposal proposal, String basis) {
        BillingAccess.ADD_TARIFF.create(caller, Holder.district(district), "district");
        Tariff tariff = proposal.tariff(String.join(
                "-",
                district,
                proposal.serviceType().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                proposal.validFrom().toString()));
        TariffEntry entry = new TariffEntry(
                district, tariff, basis, caller.subject(), caller.role().name(), clock.instant());
        return tx.transactional(closedMonths
                        .latest(district)
                        .doOnNext(closed -> TariffProposal.requireAfterClosed(district, proposal.validFrom(), closed))
                        .then(Mono.defer(() -> tariffs.insert(entry)))
                        .flatMap(inserted -> inserted
                                ? Mono.just(entry)
                                : Mono.error(RuleViolation.conflict(List.of(new RuleViolation.Violation(
                                        "validFrom",
                                        district + " has a tariff for " + proposal.serviceType() + " from "
                                                + proposal.validFrom() + " already; a tariff is never changed, give"
                                                + " the new one a later day"))))))
                .retryWhen(TransientFailures.retry())
                .doOnSuccess(added -> log.info(
                        "Tariff {} of {} in {} from {}, by {} ({})",
                        tariff.id(),
                        tariff.serviceType(),
                        district,
                        tariff.effectiveFrom(),
                        caller.subject(),
                        basis));
    }
}
