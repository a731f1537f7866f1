package kr.dolbom.intake.resident;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import kr.dolbom.intake.access.IntakeAccess;
import kr.dolbom.intake.audit.PersonalDataRead;
import kr.dolbom.intake.audit.PersonalDataReadStore;
import kr.dolbom.intake.order.CareOrderStore;
import kr.dolbom.platform.TransientFailures;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.CareRole;
import kr.dolbom.platform.security.Holder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Reads of a resident's personal data, each decided by intake's access policy and written to the audit log in
 * the transaction that produces the answer: if the record of the read cannot be written, nothing is shown.
 */
@Service
public class ResidentReads {

    static final List<String> RECORD_FIELDS =
            List.of("name", "birthDate", "phone", "address", "dong", "disabled", "incomeTier", "contactConsent");
    static final List<String> CONTACT_FIELDS = List.of("name", "phone", "address");

    private final ResidentStore residents;
    private final CareOrderStore orders;
    private final PersonalDataReadStore audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    ResidentReads(
            ResidentStore residents,
            CareOrderStore orders,
            PersonalDataReadStore audit,
            TransactionalOperator tx,
            Clock clock) {
        this.residents = residents;
        this.orders = orders;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The whole record, for case management. */
    public Mono<PersonalData> record(Caller caller, UUID ref) {
        return read(caller, ref, IntakeAccess.READ_RESIDENT, RECORD_FIELDS, "case management", Function.identity());
    }

    /** Name, phone and address, to arrange a visit (the window) or make it (the provider of an open line). */
    public Mono<PersonalData> contact(Caller caller, UUID ref) {
        String purpose = caller.is(CareRole.PROVIDER) ? "visit" : "arranging a visit";
        return read(caller, ref, IntakeAccess.READ_RESIDENT_CONTACT, CONTACT_FIELDS, purpose, data -> {
            IntakeAccess.shareContact(caller, data.contactConsent());
            return data;
        });
    }

    private Mono<PersonalData> read(
            Caller caller,
            UUID ref,
            AccessRule rule,
            List<String> fields,
            String purpose,
            Function<PersonalData, PersonalData> check) {
        rule.admit(caller);
        LocalDate today = LocalDate.now(clock);
        return tx.transactional(Mono.defer(() -> residents.personalData(ref))
                        .zipWith(orders.reachOf(ref, today))
                        .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("resident", ref)))
                        .flatMap(found -> {
                            PersonalData data = found.getT1();
                            CareOrderStore.ResidentReach reach = found.getT2();
                            rule.reveal(
                                    caller,
                                    Holder.district(reach.district())
                                            .dong(data.dong())
                                            .heldBy(reach.openLineProviders()),
                                    "resident",
                                    ref);
                            PersonalData shown = check.apply(data);
                            return audit.record(PersonalDataRead.by(
                                            caller, clock.instant(), ref, reach.district(), fields, purpose))
                                    .thenReturn(shown);
                        }))
                .retryWhen(TransientFailures.retry());
    }
}
