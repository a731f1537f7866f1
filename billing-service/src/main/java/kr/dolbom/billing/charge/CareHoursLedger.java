package kr.dolbom.billing.charge;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The minutes of 일시재가 charged per resident and year. A row is locked while a visit is priced against it, so
 * that two visits of one resident reported at once (on two orders, two partitions) cannot both take the last
 * hours of the cap.
 */
@Repository
class CareHoursLedger {

    private final DatabaseClient db;

    CareHoursLedger(DatabaseClient db) {
        this.db = db;
    }

    /** The minutes used so far this year, with the row locked to the end of the transaction. */
    Mono<Integer> lock(UUID resident, int year) {
        return db.sql("""
                        insert into care_hours_ledger (resident_ref, year) values (:resident, :year)
                        on conflict (resident_ref, year) do nothing""")
                .bind("resident", resident)
                .bind("year", year)
                .then()
                .then(db.sql("select minutes from care_hours_ledger where resident_ref = :resident and year = :year"
                                + " for update")
                        .bind("resident", resident)
                        .bind("year", year)
                        .map(row -> row.get("minutes", Integer.class))
                        .one());
    }

    /**
     * The minutes of a reversed visit given back to the year (the visit added them, so the ledger stays at or above
     * zero). The visits charged after it are not repriced: a charge is never changed.
     */
    Mono<Void> giveBack(UUID resident, int year, int minutes) {
        return add(resident, year, Math.negateExact(minutes));
    }

    Mono<Void> add(UUID resident, int year, int minutes) {
        return db.sql("""
                        update care_hours_ledger set minutes = minutes + :minutes
                        where resident_ref = :resident and year = :year""")
                .bind("minutes", minutes)
                .bind("resident", resident)
                .bind("year", year)
                .then();
    }
}
