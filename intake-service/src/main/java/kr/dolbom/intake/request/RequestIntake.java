package kr.dolbom.intake.request;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.access.IntakeAccess;
import kr.dolbom.intake.district.DistrictDongStore;
import kr.dolbom.intake.eligibility.CareSosEligibility;
import kr.dolbom.intake.eligibility.Eligibility;
import kr.dolbom.intake.order.CareOrder;
import kr.dolbom.intake.order.CareOrderStore;
import kr.dolbom.intake.order.ServiceLine;
import kr.dolbom.intake.resident.Resident;
import kr.dolbom.intake.resident.ResidentStore;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import kr.dolbom.platform.outbox.Outbox;
import kr.dolbom.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a request in: checks it, decides eligibility, and records the resident, the order and its
 * announcement in one transaction. Nothing is written for a request that fails its checks, among them a
 * request for a service that an open order of the resident already has (409 naming that order).
 */
@Service
public class RequestIntake {

    private static final Logger log = LoggerFactory.getLogger(RequestIntake.class);

    private final ResidentStore residents;
    private final CareOrderStore orders;
    private final DistrictDongStore dongs;
    private final IdempotencyKeyStore idempotencyKeys;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final Clock clock;

    RequestIntake(
            ResidentStore residents,
            CareOrderStore orders,
            DistrictDongStore dongs,
            IdempotencyKeyStore idempotencyKeys,
            Outbox outbox,
            TransactionalOperator tx,
            JsonMapper json,
            Clock clock) {
        this.residents = residents;
        this.orders = orders;
        this.dongs = dongs;
        this.idempotencyKeys = idempotencyKeys;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** The answer, and whether it is the stored answer to an earlier request with the same key. */
    public record Reply(IntakeAnswer answer, boolean replayed) {}

    public Mono<Reply> receive(Caller caller, CareRequestForm form, @Nullable String key) {
        IntakeAccess.submit(caller, form.district(), form.resident().dong());
        List<Violation> errors = form.crossFieldErrors();
        if (!errors.isEmpty()) {
            return Mono.error(RuleViolation.invalid(errors));
        }
        if (key == null) {
            return checkDong(form).then(place(caller, form, null, null)).map(answer -> new Reply(answer, false));
        }
        // Keys are the caller's own: another caller's key must neither replay its answer nor block its use.
        String idempotencyKey = caller.subject().length() + ":" + caller.subject() + ":" + key;
        String fingerprint = fingerprint(form);
        return idempotencyKeys
                .find(idempotencyKey)
                .map(stored -> replay(stored, fingerprint))
                .switchIfEmpty(Mono.defer(() -> checkDong(form)
                        .then(place(caller, form, idempotencyKey, fingerprint))
                        .map(answer -> new Reply(answer, false))))
                // Two requests with one key at the same moment: the second waits for the first's lock on the
                // resident and then finds its order open (a conflict), or loses the race for the key's unique
                // index; either way the first has committed its answer, and the second replays it.
                .onErrorResume(
                        RequestIntake::lostToAnEarlierRequest,
                        lost -> idempotencyKeys
                                .find(idempotencyKey)
                                .map(stored -> replay(stored, fingerprint))
                                .switchIfEmpty(Mono.error(lost)));
    }

    private static boolean lostToAnEarlierRequest(Throwable failure) {
        return failure instanceof DuplicateKeyException
                || failure instanceof RuleViolation violation && violation.kind() == RuleViolation.Kind.CONFLICT;
    }

    private Mono<Void> checkDong(CareRequestForm form) {
        String district = form.district();
        String dong = form.resident().dong();
        return dongs.contains(district, dong)
                .flatMap(known -> known
                        ? Mono.empty()
                        : dongs.servesDistrict(district)
                                .flatMap(served -> Mono.error(
                                        served
                                                ? RuleViolation.invalid(
                                                        "resident.dong", "'" + dong + "' is not a dong of " + district)
                                                : RuleViolation.invalid(
                                                        "district",
                                                        "'" + district + "' is not a district served here"))));
    }

    private Mono<IntakeAnswer> place(
            Caller caller, CareRequestForm form, @Nullable String idempotencyKey, @Nullable String fingerprint) {
        CareRequestForm.ResidentForm applicant = form.resident();
        LocalDate today = LocalDate.now(clock);
        Eligibility eligibility = CareSosEligibility.decide(
                applicant.birthDate(), applicant.disabled(), Boolean.TRUE.equals(applicant.attestedNeed()), today);
        Resident resident = new Resident(
                applicant.name(),
                applicant.birthDate(),
                applicant.phone(),
                applicant.address(),
                applicant.dong(),
                applicant.disabled(),
                Boolean.TRUE.equals(applicant.attestedNeed()),
                applicant.incomeTier());
        CareOrder.Placement placement = new CareOrder.Placement(
                form.district(), applicant.dong(), applicant.incomeTier(), form.isUrgent(), form.channel(), today);
        List<ServiceLine> lines = form.services().stream()
                .map(CareRequestForm.ServiceForm::toLine)
                .toList();

        // A request never rewrites the resident's record: details that differ from it are refused (409) and
        // nothing is written; the care manager confirms the change (PUT /api/v1/residents/{ref}) and sends the
        // request again. Placing the order on the stored details instead would bill by a tier nobody confirmed.
        // Nor does it add a second open order for a service the resident already has (409 naming that order).
        Boolean consent = applicant.contactConsent();
        return tx.transactional(Mono.defer(() -> residents.register(resident, clock.instant()))
                        .map(stored -> stored.refForRequest(resident.details()))
                        .flatMap(residentRef -> refuseServicesAlreadyOrdered(residentRef, lines, today)
                                .thenReturn(residentRef))
                        .flatMap(residentRef -> consent == null
                                ? Mono.just(residentRef)
                                : residents
                                        .recordConsent(residentRef, consent, clock.instant())
                                        .thenReturn(residentRef))
                        .flatMap(residentRef -> {
                            CareOrder order = CareOrder.request(residentRef, placement, eligibility, lines);
                            IntakeAnswer answer = IntakeAnswer.of(order);
                            Mono<Void> remembered = idempotencyKey == null || fingerprint == null
                                    ? Mono.empty()
                                    : idempotencyKeys.remember(
                                            idempotencyKey, fingerprint, order.id(), json.writeValueAsBytes(answer));
                            return orders.insert(order, form.referrer(), caller.subject(), clock.instant())
                                    .then(outbox.append(order.announcement()))
                                    .then(remembered)
                                    .thenReturn(answer);
                        }))
                .retryWhen(TransientFailures.retry())
                .doOnNext(answer -> log.info(
                        "Care order {} {} in {}/{} with {} line(s){}",
                        answer.careOrderId(),
                        answer.status(),
                        placement.district(),
                        placement.dong(),
                        lines.size(),
                        placement.urgent() ? ", urgent" : ""));
    }

    /**
     * A resident has at most one open order (placed, assigned or on hold) per service: a request for a service
     * that one of them still runs (a line not ended, by its period or by the plan) is refused, not placed beside it
     * nor merged into it. Asked under the resident's lock
     * ({@link ResidentStore#register}), so that of two requests at the same instant the second sees the first's
     * order.
     */
    private Mono<Void> refuseServicesAlreadyOrdered(UUID residentRef, List<ServiceLine> lines, LocalDate today) {
        return orders.openLinesOf(
                        residentRef,
                        lines.stream().map(ServiceLine::serviceType).toList(),
                        today)
                .collectList()
                .flatMap(open -> open.isEmpty() ? Mono.<Void>empty() : Mono.error(alreadyOrdered(open, lines)));
    }

    /**
     * 409 naming each requested service (as {@code services[i].type}) that an open order already has, and that
     * order; {@code existingOrderId} (the oldest such order) lets the window open it and revise it there.
     */
    private static RuleViolation alreadyOrdered(List<CareOrderStore.OpenLine> open, List<ServiceLine> requested) {
        Map<ServiceType, UUID> orderOf = new EnumMap<>(ServiceType.class);
        open.forEach(line -> orderOf.putIfAbsent(line.serviceType(), line.careOrderId()));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            ServiceType type = requested.get(i).serviceType();
            UUID existing = orderOf.get(type);
            if (existing != null) {
                violations.add(new Violation(
                        "services[" + i + "].type",
                        "care order " + existing + " of this resident is open with " + type
                                + ": revise that order instead of placing a second one"));
            }
        }
        return RuleViolation.conflict(violations)
                .with("existingOrderId", open.get(0).careOrderId());
    }

    private Reply replay(IdempotencyKeyStore.Stored stored, String fingerprint) {
        if (!stored.requestHash().equals(fingerprint)) {
            throw RuleViolation.refused("Idempotency-Key", "was already used for a different request");
        }
        return new Reply(json.readValue(stored.response(), IntakeAnswer.class), true);
    }

    private String fingerprint(CareRequestForm form) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(form));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
