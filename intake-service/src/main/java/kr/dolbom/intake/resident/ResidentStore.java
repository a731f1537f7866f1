package kr.dolbom.intake.resident;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Residents and the versions of their details; the current row always equals its latest version. */
@Repository
public class ResidentStore {

    private static final String COLUMNS = "id, version, address, dong, disabled, income_tier";

    private final DatabaseClient db;

    ResidentStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The record of the person (same name, birth date and phone), created as version 1 from the request when
     * there is none, and left as it is when there is. Its row stays locked to the end of the transaction, so that
     * a confirmed change cannot slip between the check of a request against it and the order placed, and
     * requests for one resident are taken one at a time: the second of two at the same instant sees the order of
     * the first (a new resident's row is the first's until it commits; the second's insert waits for it). The lock
     * ({@code for no key update}) leaves references to the row (an order, an audit record) free to be written.
     */
    public Mono<StoredResident> register(Resident resident, Instant at) {
        UUID id = UUID.randomUUID();
        Mono<StoredResident> created = db.sql("""
                        insert into resident (id, name, birth_date, phone, address, dong, disabled, income_tier)
                        values (:id, :name, :birthDate, :phone, :address, :dong, :disabled, :incomeTier)
                        on conflict on constraint resident_identity do nothing
                        returning id""")
                .bind("id", id)
                .bind("name", resident.name())
                .bind("birthDate", resident.birthDate())
                .bind("phone", resident.phone())
                .bind("address", resident.address())
                .bind("dong", resident.dong())
                .bind("disabled", resident.disabled())
                .bind("incomeTier", resident.incomeTier().name())
                .map(row -> row.get("id", UUID.class))
                .one()
                .flatMap(ignored -> {
                    StoredResident first = new StoredResident(id, 1, resident.details());
                    return appendVersion(first, ResidentDetails.FIELDS, "registered with a care request", at)
                            .thenReturn(first);
                });
        Mono<StoredResident> known = db.sql("select " + COLUMNS + """
                         from resident where name = :name and birth_date = :birthDate and phone = :phone
                        for no key update""")
                .bind("name", resident.name())
                .bind("birthDate", resident.birthDate())
                .bind("phone", resident.phone())
                .map(ResidentStore::stored)
                .one();
        return created.switchIfEmpty(known);
    }

    /** The resident's latest word on sharing contact details with providers; a request without one leaves it. */
    public Mono<Void> recordConsent(UUID ref, boolean consent, Instant at) {
        return db.sql("""
                        update resident set contact_consent = :consent, contact_consent_at = :at
                        where id = :id and (contact_consent <> :consent or contact_consent_at is null)""")
                .bind("consent", consent)
                .bind("at", at)
                .bind("id", ref)
                .then();
    }

    /** Everything the record holds about the person; empty for no such resident or one whose data was erased. */
    public Mono<PersonalData> personalData(UUID ref) {
        return db.sql("""
                        select id, version, name, birth_date, phone, address, dong, disabled, income_tier,
                               contact_consent
                        from resident where id = :id and erased_at is null""")
                .bind("id", ref)
                .map(row -> new PersonalData(
                        row.get("id", UUID.class),
                        row.get("version", Integer.class),
                        row.get("name", String.class),
                        row.get("birth_date", LocalDate.class),
                        row.get("phone", String.class),
                        row.get("address", String.class),
                        row.get("dong", String.class),
                        Boolean.TRUE.equals(row.get("disabled", Boolean.class)),
                        IncomeTier.valueOf(row.get("income_tier", String.class)),
                        Boolean.TRUE.equals(row.get("contact_consent", Boolean.class))))
                .one();
    }

    /**
     * Erases name, phone and address of applicants whose every order was rejected before {@code decidedBefore}
     * (the appeal period has passed); what the decisions rested on stays. Returns how many were erased.
     */
    public Mono<Long> eraseRejectedApplicants(Instant decidedBefore, Instant at) {
        return db.sql("""
                        with erased as (
                            update resident r set name = null, phone = null, address = null, erased_at = :at
                            where r.erased_at is null
                              and exists (select 1 from care_order o where o.resident_id = r.id)
                              and not exists (select 1 from care_order o where o.resident_id = r.id
                                              and (o.status <> 'REJECTED' or o.created_at >= :before))
                            returning r.id)
                        update resident_version v set address = null from erased where v.resident_id = erased.id""").bind("at", at).bind("before", decidedBefore).fetch().rowsUpdated();
    }

    /** The record with its row locked: changes of one resident are made one at a time. */
    public Mono<StoredResident> lock(UUID ref) {
        return db.sql("select " + COLUMNS + " from resident where id = :id and erased_at is null for update")
                .bind("id", ref)
                .map(ResidentStore::stored)
                .one();
    }

    /** Makes {@code next} the current version, kept beside the earlier ones with what it changed and why. */
    public Mono<Void> saveVersion(StoredResident next, List<String> changed, String reason, Instant at) {
        ResidentDetails details = next.details();
        Mono<Long> current = db.sql("""
                        update resident set address = :address, dong = :dong, disabled = :disabled,
                                            income_tier = :incomeTier, version = :version, updated_at = :at
                        where id = :id and version = :version - 1""")
                .bind("address", details.address())
                .bind("dong", details.dong())
                .bind("disabled", details.disabled())
                .bind("incomeTier", details.incomeTier().name())
                .bind("version", next.version())
                .bind("at", at)
                .bind("id", next.ref())
                .fetch()
                .rowsUpdated()
                .filter(rows -> rows == 1)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "resident " + next.ref() + " is not at version " + (next.version() - 1) + "; lock it first")));
        return current.then(appendVersion(next, changed, reason, at));
    }

    private Mono<Void> appendVersion(StoredResident version, List<String> changed, String reason, Instant at) {
        ResidentDetails details = version.details();
        return db.sql("""
                        insert into resident_version (resident_id, version, address, dong, disabled, income_tier,
                                                      changed_fields, reason, at)
                        values (:id, :version, :address, :dong, :disabled, :incomeTier, :changed, :reason, :at)""")
                .bind("id", version.ref())
                .bind("version", version.version())
                .bind("address", details.address())
                .bind("dong", details.dong())
                .bind("disabled", details.disabled())
                .bind("incomeTier", details.incomeTier().name())
                .bind("changed", changed.toArray(String[]::new))
                .bind("reason", reason)
                .bind("at", at)
                .then();
    }

    private static StoredResident stored(Readable row) {
        return new StoredResident(
                row.get("id", UUID.class),
                row.get("version", Integer.class),
                new ResidentDetails(
                        row.get("address", String.class),
                        row.get("dong", String.class),
                        Boolean.TRUE.equals(row.get("disabled", Boolean.class)),
                        IncomeTier.valueOf(row.get("income_tier", String.class))));
    }
}
