package kr.dolbom.billing.funding;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.billing.settlement.ClosedMonths;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
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
 * A district's billing officer adds the district's own funding rules. A rule may take effect in the past, but not
 * in or before a month the district has closed (an approved settlement counted the old split); the charges already
 * recorded keep the split they were recorded with, as a charge is never changed.
 */
@Service
class FundingRules {

    private static final Logger log = LoggerFactory.getLogger(FundingRules.class);

    private final FundingRuleStore rules;
    private final ClosedMonths closedMonths;
    private final TransactionalOperator tx;
    private final Clock clock;

    FundingRules(FundingRuleStore rules, ClosedMonths closedMonths, TransactionalOperator tx, Clock clock) {
        this.rules = rules;
        this.closedMonths = closedMonths;
        this.tx = tx;
        this.clock = clock;
    }

    /** The new rule of the district, in force from its day until the next of its program and tier. */
    Mono<FundingRule> add(
            Caller caller,
            String district,
            ServiceType type,
            IncomeTier tier,
            LocalDate effectiveFrom,
            PublicShare share,
            String basis) {
        BillingAccess.ADD_FUNDING_RULE.create(caller, Holder.district(district), "district");
        FundingRule rule = new FundingRule(
                String.join(
                        "-",
                        district,
                        type.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        tier.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                        effectiveFrom.toString()),
                district,
                type,
                tier,
                effectiveFrom,
                share,
                basis,
                caller.subject(),
                caller.role().name(),
                clock.instant());
        return tx.transactional(closedMonths
                        .latest(district)
                        .filter(closed -> !YearMonth.from(effectiveFrom).isAfter(closed))
                        .flatMap(closed -> Mono.<Boolean>error(RuleViolation.refused(
                                "effectiveFrom",
                                "the settlements of " + closed + " in " + district + " are closed: a rule may take"
                                        + " effect from " + closed.plusMonths(1).atDay(1) + " on, never in a closed"
                                        + " month")))
                        .then(Mono.defer(() -> rules.insert(rule)))
                        .flatMap(inserted -> inserted
                                ? Mono.just(rule)
                                : Mono.error(RuleViolation.conflict(List.of(new RuleViolation.Violation(
                                        "effectiveFrom",
                                        district + " has a rule for " + type + " and " + tier + " from "
                                                + effectiveFrom + " already; a rule is never changed, give the"
                                                + " new one a later day"))))))
                .retryWhen(TransientFailures.retry())
                .doOnSuccess(added -> log.info(
                        "Funding rule {}: {} of {} for {} in {} from {}, by {} ({})",
                        rule.id(),
                        share,
                        type,
                        tier,
                        district,
                        effectiveFrom,
                        caller.subject(),
                        basis));
    }
}
