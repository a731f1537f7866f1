package kr.dolbom.intake.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.dolbom.intake.access.IntakeAccess;
import kr.dolbom.intake.audit.PersonalDataRead;
import kr.dolbom.intake.audit.PersonalDataReadStore;
import kr.dolbom.intake.order.CareOrder;
import kr.dolbom.intake.order.CareOrderStore;
import kr.dolbom.intake.order.Priority;
import kr.dolbom.intake.order.PriorityGroup;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records a care manager's assessment and the priority it gives the order (under the order's lock, with a history
 * entry naming the groups, not the health facts), and shows it to the care managers, each read audited.
 */
@Service
public class NeedsAssessment {

    private static final Logger log = LoggerFactory.getLogger(NeedsAssessment.class);
    static final List<String> FIELDS = List.of("assessment");

    private final AssessmentStore assessments;
    private final CareOrderStore orders;
    private final PersonalDataReadStore audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    NeedsAssessment(
            AssessmentStore assessments,
            CareOrderStore orders,
            PersonalDataReadStore audit,
            TransactionalOperator tx,
            Clock clock) {
        this.assessments = assessments;
        this.orders = orders;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The assessment as shown: what was found, and the order's priority with each group's rule. */
    record Assessed(
            UUID careOrderId,
            Assessment assessment,
            String assessedBy,
            Instant assessedAt,
            Priority priority,
            List<DaejeonPriorityGroups.Decision> priorityGroups) {}

    Mono<Assessed> assess(Caller caller, UUID orderId, Assessment assessment, @Nullable Integer seenVersion) {
        IntakeAccess.ASSESS_CARE_ORDER.admit(caller);
        LocalDate today = LocalDate.now(clock);
        List<RuleViolation.Violation> problems = DaejeonPriorityGroups.problems(assessment, today);
        if (!problems.isEmpty()) {
            return Mono.error(RuleViolation.invalid(problems));
        }
        Instant at = clock.instant();
        return tx.transactional(orders.reveal(caller, IntakeAccess.ASSESS_CARE_ORDER, orderId)
                        .then(Mono.defer(() -> orders.lock(orderId)))
                        .flatMap(order -> {
                            order.expectVersion(seenVersion);
                            List<DaejeonPriorityGroups.Decision> groups = decide(order, assessment);
                            order.assessed(groupsOf(groups));
                            String why = "assessed: priority " + order.priority()
                                    + (groups.isEmpty()
                                            ? ""
                                            : " ("
                                                    + groups.stream()
                                                            .map(decision -> decision.group()
                                                                    .name())
                                                            .collect(Collectors.joining(", "))
                                                    + ")");
                            return assessments
                                    .save(orderId, new AssessmentStore.Assessed(assessment, caller.subject(), at))
                                    .then(orders.saveAssessment(order, caller.subject(), why, at))
                                    .doOnSuccess(done -> log.info(
                                            "Care order {} assessed by {}: {}", orderId, caller.subject(), why))
                                    .thenReturn(new Assessed(
                                            orderId, assessment, caller.subject(), at, order.priority(), groups));
                        }))
                .retryWhen(TransientFailures.retry());
    }

    Mono<Assessed> read(Caller caller, UUID orderId) {
        IntakeAccess.READ_ASSESSMENT.admit(caller);
        return tx.transactional(orders.reveal(caller, IntakeAccess.READ_ASSESSMENT, orderId)
                        .then(Mono.defer(() -> orders.find(orderId)))
                        .zipWith(Mono.defer(() -> assessments.find(orderId))
                                .switchIfEmpty(
                                        Mono.error(() -> RuleViolation.notFound("assessment of care order", orderId))))
                        .flatMap(found -> {
                            CareOrder order = found.getT1();
                            AssessmentStore.Assessed stored = found.getT2();
                            return audit.record(PersonalDataRead.by(
                                            caller,
                                            clock.instant(),
                                            order.residentRef(),
                                            order.placement().district(),
                                            FIELDS,
                                            "case management"))
                                    .thenReturn(new Assessed(
                                            orderId,
                                            stored.assessment(),
                                            stored.assessedBy(),
                                            stored.assessedAt(),
                                            order.priority(),
                                            decide(order, stored.assessment())));
                        }))
                .retryWhen(TransientFailures.retry());
    }

    private static List<DaejeonPriorityGroups.Decision> decide(CareOrder order, Assessment assessment) {
        return order.targetGroup()
                .map(group -> DaejeonPriorityGroups.of(
                        assessment, group, order.placement().incomeTier()))
                .orElse(List.of());
    }

    private static Set<PriorityGroup> groupsOf(List<DaejeonPriorityGroups.Decision> decisions) {
        Set<PriorityGroup> groups = EnumSet.noneOf(PriorityGroup.class);
        decisions.forEach(decision -> groups.add(decision.group()));
        return groups;
    }
}
