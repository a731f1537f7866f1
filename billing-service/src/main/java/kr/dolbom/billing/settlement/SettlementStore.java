package kr.dolbom.billing.settlement;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The settlements (one per district, provider and month, with their running totals and history) and the lines of
 * a month, read from the charge table, which charging writes: a charge's {@code settlement_month} names the month it
 * counts in. A closed settlement, and every charge counted in it, is refused any change by the database itself.
 */
@Repository
class SettlementStore {

    private static final String COLUMNS = """
            id, district, provider_id, month, state, version, lines, amount, public_share, co_payment,
            adjustment_lines, adjustment_amount, adjustment_public_share, adjustment_co_payment, approved_on,
            payment_reference, paid_on, reversal_lines, reversal_amount, reversal_public_share, reversal_co_payment""";

    private static final int FETCH = 1_000;

    private final DatabaseClient db;

    SettlementStore(DatabaseClient db) {
        this.db = db;
    }

    /** Opens the month's draft unless the provider has a settlement for it already; true when opened now. */
    Mono<Boolean> open(String district, String providerId, YearMonth month, String why, Instant at) {
        Settlement draft = Settlement.open(UUID.randomUUID(), district, providerId, month);
        return db.sql("""
                        insert into settlement (id, district, provider_id, month, state, version)
                        values (:id, :district, :provider, :month, :state, :version)
                        on conflict (district, provider_id, month) do nothing""")
                .bind("id", draft.id())
                .bind("district", district)
                .bind("provider", providerId)
                .bind("month", month.atDay(1))
                .bind("state", draft.state().name())
                .bind("version", draft.version())
                .fetch()
                .rowsUpdated()
                .flatMap(inserted ->
                        inserted == 1 ? record(draft, null, null, at, why).thenReturn(true) : Mono.just(false));
    }

    /**
     * The provider's settlements of the month and later, locked to the end of the transaction in month order (the
     * one order every writer locks them in).
     */
    Flux<Settlement> lockFrom(String district, String providerId, YearMonth month) {
        return db.sql("select " + COLUMNS + " from settlement"
                        + " where district = :district and provider_id = :provider and month >= :month"
                        + " order by month for update")
                .bind("district", district)
                .bind("provider", providerId)
                .bind("month", month.atDay(1))
                .map(SettlementStore::settlement)
                .all();
    }

    /** The settlement, locked to the end of the transaction; empty when the provider has none for the month. */
    Mono<Settlement> lock(String district, String providerId, YearMonth month) {
        return one(district, providerId, month, " for update");
    }

    Mono<Settlement> find(String district, String providerId, YearMonth month) {
        return one(district, providerId, month, "");
    }

    /**
     * 마감 잠금: the district's closing, to the end of the transaction. A settlement's change takes it alone (it may
     * close a month); a rule dated in the past takes it shared before it reads the closed months, so it is checked
     * either before an approval or after it, never beside it.
     */
    Mono<Void> lockClosing(String district, boolean alone) {
        return db.sql("select " + (alone ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                        + "(hashtextextended('closing:' || :district, 0))")
                .bind("district", district)
                .then();
    }

    /** The latest month of the district with an approved or paid settlement of any provider; empty when none. */
    Mono<YearMonth> latestClosedMonth(String district) {
        return db.sql("select month from settlement where district = :district and state in ('APPROVED', 'PAID')"
                        + " order by month desc limit 1")
                .bind("district", district)
                .map(row -> YearMonth.from(row.get("month", LocalDate.class)))
                .one();
    }

    /** Whether the provider has any settlement in the district, i.e. was ever charged there. */
    Mono<Boolean> knows(String district, String providerId) {
        return db.sql("select exists (select 1 from settlement where district = :district and provider_id = :provider)"
                        + " as known")
                .bind("district", district)
                .bind("provider", providerId)
                .map(row -> Boolean.TRUE.equals(row.get("known", Boolean.class)))
                .one();
    }

    /** Saves the settlement's next version; the row was locked, so it is still at the version it was read at. */
    Mono<Void> save(Settlement settlement, int readAt) {
        Payment payment = settlement.payment();
        return db.sql("""
                        update settlement set state = :state, version = :version, lines = :lines, amount = :amount,
                               public_share = :publicShare, co_payment = :coPayment,
                               adjustment_lines = :adjustmentLines, adjustment_amount = :adjustmentAmount,
                               adjustment_public_share = :adjustmentPublicShare,
                               adjustment_co_payment = :adjustmentCoPayment,
                               reversal_lines = :reversalLines, reversal_amount = :reversalAmount,
                               reversal_public_share = :reversalPublicShare, reversal_co_payment = :reversalCoPayment,
                               approved_on = :approvedOn, payment_reference = :reference, paid_on = :paidOn
                        where id = :id and version = :readAt""")
                .bind("state", settlement.state().name())
                .bind("version", settlement.version())
                .bind("lines", settlement.total().lines())
                .bind("amount", settlement.total().amount())
                .bind("publicShare", settlement.total().publicShare())
                .bind("coPayment", settlement.total().coPayment())
                .bind("adjustmentLines", settlement.adjustments().lines())
                .bind("adjustmentAmount", settlement.adjustments().amount())
                .bind("adjustmentPublicShare", settlement.adjustments().publicShare())
                .bind("adjustmentCoPayment", settlement.adjustments().coPayment())
                .bind("reversalLines", settlement.reversals().lines())
                .bind("reversalAmount", settlement.reversals().amount())
                .bind("reversalPublicShare", settlement.reversals().publicShare())
                .bind("reversalCoPayment", settlement.reversals().coPayment())
                .bind("approvedOn", Parameter.fromOrEmpty(settlement.approvedOn(), LocalDate.class))
                .bind("reference", Parameter.fromOrEmpty(payment == null ? null : payment.reference(), String.class))
                .bind("paidOn", Parameter.fromOrEmpty(payment == null ? null : payment.paidOn(), LocalDate.class))
                .bind("id", settlement.id())
                .bind("readAt", readAt)
                .fetch()
                .rowsUpdated()
                .flatMap(updated -> updated == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException(
                                settlement + " is not at version " + readAt + "; lock it before changing it")));
    }

    /** A history entry: the state the settlement entered at its version, who did it and why. */
    Mono<Void> record(Settlement settlement, @Nullable String actor, @Nullable String role, Instant at, String note) {
        return db.sql("""
                        insert into settlement_history (settlement_id, version, state, actor, role, at, note)
                        values (:id, :version, :state, :actor, :role, :at, :note)""")
                .bind("id", settlement.id())
                .bind("version", settlement.version())
                .bind("state", settlement.state().name())
                .bind("actor", Parameter.fromOrEmpty(actor, String.class))
                .bind("role", Parameter.fromOrEmpty(role, String.class))
                .bind("at", at)
                .bind("note", note)
                .then();
    }

    Flux<Step> history(UUID settlementId) {
        return db.sql("""
                        select version, state, at, actor, role, note from settlement_history
                        where settlement_id = :id order by version""")
                .bind("id", settlementId)
                .map(row -> new Step(
                        row.get("version", Integer.class),
                        SettlementState.valueOf(row.get("state", String.class)),
                        row.get("at", Instant.class),
                        row.get("actor", String.class),
                        row.get("role", String.class),
                        row.get("note", String.class)))
                .all();
    }

    /**
     * The lines counted in the provider's month, in one statement so that sums and adjustments are of one moment:
     * its own charges summed by service, each adjustment (a charge delivered before the month) and each reversal on
     * its own.
     */
    Mono<Statement> statement(String district, String providerId, YearMonth month) {
        return db.sql("""
                        select 'OWN' as kind, service_type, count(*) as lines, sum(amount)::bigint as amount,
                               sum(public_share)::bigint as public_share, sum(co_payment)::bigint as co_payment,
                               null::uuid as charge_id, null::uuid as delivery_id, null::date as service_date,
                               null::uuid as reverses
                        from charge
                        where district = :district and provider_id = :provider and settlement_month = :month
                          and service_date >= :month and reverses is null
                        group by service_type
                        union all
                        select case when reverses is null then 'ADJUSTMENT' else 'REVERSAL' end, service_type, 1,
                               amount, public_share, co_payment, id, delivery_id, service_date, reverses
                        from charge
                        where district = :district and provider_id = :provider and settlement_month = :month
                          and (service_date < :month or reverses is not null)
                        order by kind, service_date, service_type, charge_id""")
                .bind("district", district)
                .bind("provider", providerId)
                .bind("month", month.atDay(1))
                .map(SettlementStore::statementLine)
                .all()
                .collectList()
                .map(lines -> new Statement(
                        lines.stream()
                                .filter(Statement.ServiceTotal.class::isInstance)
                                .map(Statement.ServiceTotal.class::cast)
                                .toList(),
                        lines.stream()
                                .filter(Statement.Adjustment.class::isInstance)
                                .map(Statement.Adjustment.class::cast)
                                .toList(),
                        lines.stream()
                                .filter(Statement.Reversal.class::isInstance)
                                .map(Statement.Reversal.class::cast)
                                .toList()));
    }

    /**
     * Every line counted in the provider's month, one row per charge, by day, as the database sends them: read in
     * batches of {@value #FETCH} through a portal, so that a month of a million lines is never in memory at once.
     */
    Flux<StatementLine> lines(String district, String providerId, YearMonth month) {
        return db.sql("""
                        select id, delivery_id, service_date, service_type, minutes, units, amount, public_share,
                               co_payment, reverses
                        from charge
                        where district = :district and provider_id = :provider and settlement_month = :month
                        order by service_date, charged_at, id""")
                .bind("district", district)
                .bind("provider", providerId)
                .bind("month", month.atDay(1))
                .filter((statement, next) -> next.execute(statement.fetchSize(FETCH)))
                .map(row -> new StatementLine(
                        row.get("id", UUID.class),
                        row.get("delivery_id", UUID.class),
                        row.get("service_date", LocalDate.class),
                        ServiceType.valueOf(row.get("service_type", String.class)),
                        row.get("minutes", Integer.class),
                        row.get("units", Integer.class),
                        row.get("amount", Long.class),
                        row.get("public_share", Long.class),
                        row.get("co_payment", Long.class),
                        row.get("reverses", UUID.class)))
                .all();
    }

    /** The district's settlements of the month that are owed or paid (approved or paid), by provider. */
    Flux<Settlement> payable(String district, YearMonth month) {
        return db.sql("select " + COLUMNS + " from settlement"
                        + " where district = :district and month = :month and state in ('APPROVED', 'PAID')"
                        + " order by provider_id")
                .bind("district", district)
                .bind("month", month.atDay(1))
                .map(SettlementStore::settlement)
                .all();
    }

    private Mono<Settlement> one(String district, String providerId, YearMonth month, String lock) {
        return db.sql("select " + COLUMNS + " from settlement"
                        + " where district = :district and provider_id = :provider and month = :month" + lock)
                .bind("district", district)
                .bind("provider", providerId)
                .bind("month", month.atDay(1))
                .map(SettlementStore::settlement)
                .one();
    }

    /** A row of the statement: the sums of a service's own charges, one adjustment or one reversal. */
    private static Object statementLine(Readable row) {
        ServiceType type = ServiceType.valueOf(row.get("service_type", String.class));
        long amount = row.get("amount", Long.class);
        long publicShare = row.get("public_share", Long.class);
        long coPayment = row.get("co_payment", Long.class);
        String kind = row.get("kind", String.class);
        if ("REVERSAL".equals(kind)) {
            return new Statement.Reversal(
                    row.get("charge_id", UUID.class),
                    row.get("reverses", UUID.class),
                    row.get("delivery_id", UUID.class),
                    type,
                    row.get("service_date", LocalDate.class),
                    amount,
                    publicShare,
                    coPayment);
        }
        if ("ADJUSTMENT".equals(kind)) {
            return new Statement.Adjustment(
                    row.get("charge_id", UUID.class),
                    row.get("delivery_id", UUID.class),
                    type,
                    row.get("service_date", LocalDate.class),
                    amount,
                    publicShare,
                    coPayment);
        }
        return new Statement.ServiceTotal(type, row.get("lines", Long.class), amount, publicShare, coPayment);
    }

    private static Settlement settlement(Readable row) {
        String reference = row.get("payment_reference", String.class);
        LocalDate paidOn = row.get("paid_on", LocalDate.class);
        return new Settlement(
                row.get("id", UUID.class),
                row.get("district", String.class),
                row.get("provider_id", String.class),
                YearMonth.from(row.get("month", LocalDate.class)),
                SettlementState.valueOf(row.get("state", String.class)),
                row.get("version", Integer.class),
                new Totals(
                        row.get("lines", Long.class),
                        row.get("amount", Long.class),
                        row.get("public_share", Long.class),
                        row.get("co_payment", Long.class)),
                new Totals(
                        row.get("adjustment_lines", Long.class),
                        row.get("adjustment_amount", Long.class),
                        row.get("adjustment_public_share", Long.class),
                        row.get("adjustment_co_payment", Long.class)),
                row.get("approved_on", LocalDate.class),
                reference == null || paidOn == null ? null : new Payment(reference, paidOn),
                new Totals(
                        row.get("reversal_lines", Long.class),
                        row.get("reversal_amount", Long.class),
                        row.get("reversal_public_share", Long.class),
                        row.get("reversal_co_payment", Long.class)));
    }
}
