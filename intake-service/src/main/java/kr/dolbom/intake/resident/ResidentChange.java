package kr.dolbom.intake.resident;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.intake.access.IntakeAccess;
import kr.dolbom.intake.audit.PersonalDataRead;
import kr.dolbom.intake.audit.PersonalDataReadStore;
import kr.dolbom.intake.district.DistrictDongStore;
import kr.dolbom.intake.order.CareOrderStore;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A care manager confirms new details of a resident (주소·소득구간 변경): a new version of the record, and, when
 * the income tier changed, the news for every open order of the resident, all in one transaction. Billing
 * takes the tier of each delivery from matching, so matching is the one that must hear it.
 */
@Service
public class ResidentChange {

    private static final Logger log = LoggerFactory.getLogger(ResidentChange.class);

    private final ResidentStore residents;
    private final CareOrderStore orders;
    private final DistrictDongStore dongs;
    private final Outbox outbox;
    private final PersonalDataReadStore audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    ResidentChange(
            ResidentStore residents,
            CareOrderStore orders,
            DistrictDongStore dongs,
            Outbox outbox,
            PersonalDataReadStore audit,
            TransactionalOperator tx,
            Clock clock) {
        this.audit = audit;
        this.residents = residents;
        this.orders = orders;
        this.dongs = dongs;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** The record after the change, and which details it changed (none when it already said so). */
    public record Changed(StoredResident resident, List<String> fields) {}

    /**
     * @param expectedVersion the version the care manager saw ({@code If-Match}); null to change whatever is
     *                        current
     */
    public Mono<Changed> change(
            Caller caller, UUID ref, ResidentDetails requested, String reason, @Nullable Integer expectedVersion) {
        IntakeAccess.CHANGE_RESIDENT.admit(caller);
        return tx.transactional(Mono.defer(() -> residents.lock(ref))
                        .zipWith(orders.reachOf(ref, LocalDate.now(clock)))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("resident", ref)))
                        .flatMap(found -> {
                            StoredResident current = found.getT1();
                            String district = found.getT2().district();
                            IntakeAccess.CHANGE_RESIDENT.reveal(
                                    caller,
                                    Holder.district(district)
                                            .dong(current.details().dong()),
                                    "resident",
                                    ref);
                            // the answer shows the record's details: a read like any other
                            return apply(current, requested, reason, expectedVersion)
                                    .flatMap(changed -> audit.record(PersonalDataRead.by(
                                                    caller,
                                                    clock.instant(),
                                                    ref,
                                                    district,
                                                    ResidentDetails.FIELDS,
                                                    "change of the record"))
                                            .thenReturn(changed));
                        }))
                .retryWhen(TransientFailures.retry());
    }

    private Mono<Changed> apply(
            StoredResident current, ResidentDetails requested, String reason, @Nullable Integer expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            return Mono.error(RuleViolation.stale("resident " + current.ref() + " is at version " + current.version()
                    + ", not " + expectedVersion + "; read it again before changing it"));
        }
        List<String> changed = requested.differingFrom(current.details());
        if (changed.isEmpty()) {
            // The same change confirmed twice (a retried PUT) is no second version.
            return Mono.just(new Changed(current, changed));
        }
        StoredResident next = new StoredResident(current.ref(), current.version() + 1, requested);
        Instant at = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Mono<Void> dongKnown = changed.contains("dong") ? checkDong(requested.dong()) : Mono.empty();
        Mono<Void> announced = changed.contains("incomeTier") ? announceIncomeTier(next, today, at) : Mono.empty();
        return dongKnown
                .then(Mono.defer(() -> residents.saveVersion(next, changed, reason, at)))
                .then(announced)
                .doOnSuccess(
                        done -> log.info("Resident {} at version {}: {} changed", next.ref(), next.version(), changed))
                .thenReturn(new Changed(next, changed));
    }

    private Mono<Void> checkDong(String dong) {
        return dongs.isServed(dong)
                .flatMap(served -> served
                        ? Mono.<Void>empty()
                        : Mono.error(RuleViolation.invalid("dong", "'" + dong + "' is not a dong served here")));
    }

    private Mono<Void> announceIncomeTier(StoredResident next, LocalDate effectiveOn, Instant at) {
        // Read to the end before locking: one connection runs one statement at a time.
        return orders.openOrdersOf(next.ref())
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(orders::lock)
                .concatMap(order -> order.changeIncomeTier(next.details().incomeTier(), effectiveOn)
                        .map(event ->
                                orders.saveIncomeTier(order, effectiveOn, at).then(outbox.append(event)))
                        .orElseGet(Mono::empty))
                .then();
    }
}
