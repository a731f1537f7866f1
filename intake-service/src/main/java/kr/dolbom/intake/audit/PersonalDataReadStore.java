package kr.dolbom.intake.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.dolbom.platform.security.CareRole;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit log of personal-data reads. The table refuses updates, deletes and truncation (a trigger), so that
 * no bug and no hurried clean-up can rewrite who saw what.
 */
@Repository
public class PersonalDataReadStore {

    private final DatabaseClient db;

    PersonalDataReadStore(DatabaseClient db) {
        this.db = db;
    }

    /** Call inside the transaction that produces the answer: no answer leaves without its record. */
    public Mono<Void> record(PersonalDataRead read) {
        return db.sql("""
                        insert into personal_data_read (at, resident_id, district, caller, caller_role, fields, purpose)
                        values (:at, :resident, :district, :caller, :role, :fields, :purpose)""")
                .bind("at", read.at())
                .bind("resident", read.residentRef())
                .bind("district", read.district())
                .bind("caller", read.caller())
                .bind("role", read.role().name())
                .bind("fields", read.fields().toArray(String[]::new))
                .bind("purpose", read.purpose())
                .then();
    }

    /** The district's reads, newest first, of one resident, by one caller, or both. */
    public Flux<PersonalDataRead> reads(String district, @Nullable UUID resident, @Nullable String caller, int limit) {
        return db.sql("""
                        select at, resident_id, district, caller, caller_role, fields, purpose
                        from personal_data_read
                        where district = :district
                          and (cast(:resident as uuid) is null or resident_id = :resident)
                          and (cast(:caller as text) is null or caller = :caller)
                        order by at desc, id desc
                        limit :limit""")
                .bind("district", district)
                .bind("resident", Parameter.fromOrEmpty(resident, UUID.class))
                .bind("caller", Parameter.fromOrEmpty(caller, String.class))
                .bind("limit", limit)
                .map(row -> new PersonalDataRead(
                        row.get("at", Instant.class),
                        row.get("resident_id", UUID.class),
                        row.get("district", String.class),
                        row.get("caller", String.class),
                        CareRole.valueOf(row.get("caller_role", String.class)),
                        List.of(row.get("fields", String[].class)),
                        row.get("purpose", String.class)))
                .all();
    }
}
