package kr.dolbom.intake.resident;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class ResidentStore {

    private final DatabaseClient db;

    ResidentStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The resident's pseudonymous id, the same for every request of the same person (same name, birth date
     * and phone), with the contact details brought up to date.
     */
    public Mono<UUID> register(Resident resident) {
        return db.sql("""
                        insert into resident (id, name, birth_date, phone, address, dong, disabled, income_tier)
                        values (:id, :name, :birthDate, :phone, :address, :dong, :disabled, :incomeTier)
                        on conflict on constraint resident_identity do update
                           set address = excluded.address, dong = excluded.dong, disabled = excluded.disabled,
                               income_tier = excluded.income_tier, updated_at = now()
                        returning id""")
                .bind("id", UUID.randomUUID())
                .bind("name", resident.name())
                .bind("birthDate", resident.birthDate())
                .bind("phone", resident.phone())
                .bind("address", resident.address())
                .bind("dong", resident.dong())
                .bind("disabled", resident.disabled())
                .bind("incomeTier", resident.incomeTier().name())
                .map(row -> row.get("id", UUID.class))
                .one();
    }
}
