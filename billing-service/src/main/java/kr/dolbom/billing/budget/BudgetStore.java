package kr.dolbom.billing.budget;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The budgets' versions, the programs' yearly spending, and the thresholds reached. */
@Repository
class BudgetStore {

    private static final String BUDGET = """
            district, year, service_type, version, amount, basis, set_by, set_as_role, set_at""";
    private static final String SPEND = "district, year, service_type, charges, amount, public_share";

    private final DatabaseClient db;

    BudgetStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Adds a charge to its program's year and answers the new totals, the row locked to the end of the transaction:
     * the charges of one program and year are compared with its budget one at a time.
     */
    Mono<ProgramSpend> add(String district, int year, ServiceType type, long amount, long publicShare) {
        return db.sql("insert into program_spend (" + SPEND + ") values (:district, :year, :type, 1, :amount, :share)"
                        + """
                         on conflict (district, year, service_type) do update
                        set charges = program_spend.charges + 1,
                            amount = program_spend.amount + excluded.amount,
                            public_share = program_spend.public_share + excluded.public_share
                        returning\s""" + SPEND)
                .bind("district", district)
                .bind("year", year)
                .bind("type", type.name())
                .bind("amount", amount)
                .bind("share", publicShare)
                .map(BudgetStore::spend)
                .one();
    }

    /**
     * Takes a reversed charge back out of its program's year (the charge added it, so the row exists and its sums
     * stay at or above zero); the row is locked like {@link #add}.
     */
    Mono<Void> subtract(String district, int year, ServiceType type, long amount, long publicShare) {
        return db.sql("""
                        update program_spend
                        set charges = charges - 1, amount = amount - :amount, public_share = public_share - :share
                        where district = :district and year = :year and service_type = :type""")
                .bind("district", district)
                .bind("year", year)
                .bind("type", type.name())
                .bind("amount", amount)
                .bind("share", publicShare)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("no spending of " + type + " in " + year + " in "
                                + district + " to take a reversed charge out of")));
    }

    /** The program's year as it is, locked like {@link #add} (the row made when the year has no charge yet). */
    Mono<ProgramSpend> lock(String district, int year, ServiceType type) {
        return db.sql("insert into program_spend (district, year, service_type) values (:district, :year, :type)"
                        + """
                         on conflict (district, year, service_type) do update set charges = program_spend.charges
                        returning\s""" + SPEND)
                .bind("district", district)
                .bind("year", year)
                .bind("type", type.name())
                .map(BudgetStore::spend)
                .one();
    }

    Flux<ProgramSpend> spending(String district, int year) {
        return db.sql("select " + SPEND + " from program_spend where district = :district and year = :year")
                .bind("district", district)
                .bind("year", year)
                .map(BudgetStore::spend)
                .all();
    }

    /** The version in force: the latest; empty while the program has no budget that year. */
    Mono<Budget> current(String district, int year, ServiceType type) {
        return db.sql("select " + BUDGET + """
                         from budget where district = :district and year = :year and service_type = :type
                        order by version desc limit 1""")
                .bind("district", district)
                .bind("year", year)
                .bind("type", type.name())
                .map(BudgetStore::budget)
                .one();
    }

    /** Every version of the district's budgets of the year, by program and version. */
    Flux<Budget> versions(String district, int year) {
        return db.sql("select " + BUDGET
                        + " from budget where district = :district and year = :year order by service_type, version")
                .bind("district", district)
                .bind("year", year)
                .map(BudgetStore::budget)
                .all();
    }

    Mono<Void> insert(Budget budget) {
        return db.sql("insert into budget (budget_id, " + BUDGET + """
                        ) values (:id, :district, :year, :type, :version, :amount, :basis, :by, :role, :at)""")
                .bind("id", budget.budgetId())
                .bind("district", budget.district())
                .bind("year", budget.year())
                .bind("type", budget.serviceType().name())
                .bind("version", budget.version())
                .bind("amount", budget.amount())
                .bind("basis", budget.basis())
                .bind("by", budget.setBy())
                .bind("role", budget.setAsRole())
                .bind("at", budget.setAt())
                .then();
    }

    /** True when recorded now, false when the version had reached the threshold already: each is announced once. */
    Mono<Boolean> markReached(Budget budget, int threshold, long spent, @Nullable UUID chargeId, Instant at) {
        return db.sql("""
                        insert into budget_threshold (district, year, service_type, version, threshold, spent, charge_id,
                                                      reached_at)
                        values (:district, :year, :type, :version, :threshold, :spent, :charge, :at)
                        on conflict do nothing""")
                .bind("district", budget.district())
                .bind("year", budget.year())
                .bind("type", budget.serviceType().name())
                .bind("version", budget.version())
                .bind("threshold", threshold)
                .bind("spent", spent)
                .bind("charge", Parameter.fromOrEmpty(chargeId, UUID.class))
                .bind("at", at)
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    Flux<ReachedThreshold> reached(String district, int year) {
        return db.sql("""
                        select service_type, version, threshold, spent, charge_id, reached_at from budget_threshold
                        where district = :district and year = :year order by service_type, version, threshold""")
                .bind("district", district)
                .bind("year", year)
                .map(row -> new ReachedThreshold(
                        ServiceType.valueOf(row.get("service_type", String.class)),
                        row.get("version", Integer.class),
                        row.get("threshold", Integer.class),
                        row.get("spent", Long.class),
                        row.get("charge_id", UUID.class),
                        row.get("reached_at", Instant.class)))
                .all();
    }

    private static ProgramSpend spend(Readable row) {
        return new ProgramSpend(
                row.get("district", String.class),
                row.get("year", Integer.class),
                ServiceType.valueOf(row.get("service_type", String.class)),
                row.get("charges", Long.class),
                row.get("amount", Long.class),
                row.get("public_share", Long.class));
    }

    private static Budget budget(Readable row) {
        return new Budget(
                row.get("district", String.class),
                row.get("year", Integer.class),
                ServiceType.valueOf(row.get("service_type", String.class)),
                row.get("version", Integer.class),
                row.get("amount", Long.class),
                row.get("basis", String.class),
                row.get("set_by", String.class),
                row.get("set_as_role", String.class),
                row.get("set_at", Instant.class));
    }
}
