package kr.dolbom.reporting.charge;

import io.r2dbc.spi.Readable;
import java.time.YearMonth;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.reporting.ReportingMonth;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class ChargeKpiStore {

    private static final ChargeTotals NONE = new ChargeTotals(0, 0, 0, 0);

    private final DatabaseClient db;

    ChargeKpiStore(DatabaseClient db) {
        this.db = db;
    }

    /** District first, then provider, in every transaction, so that concurrent consumers never wait in a circle. */
    Mono<Void> add(DeliveryCharged charged) {
        ChargeFigures charge = ChargeFigures.of(charged);
        return addTo("charge_district_month", "district", charge.district(), charge)
                .then(addTo("charge_provider_month", "provider_id", charge.providerId(), charge));
    }

    /** Both tables have the same shape, keyed by district or by provider; their names are ours, never input. */
    private Mono<Void> addTo(String table, String keyColumn, String key, ChargeFigures charge) {
        return db.sql("insert into " + table + " as target (" + keyColumn + """
                        , month, charges, amount, public_share, co_payment)
                        values (:key, :month, 1, :amount, :publicShare, :coPayment)
                        on conflict (""" + keyColumn + """
                        , month) do update
                           set charges = target.charges + excluded.charges,
                               amount = target.amount + excluded.amount,
                               public_share = target.public_share + excluded.public_share,
                               co_payment = target.co_payment + excluded.co_payment""")
                .bind("key", key)
                .bind("month", ReportingMonth.firstDay(charge.month()))
                .bind("amount", charge.amount())
                .bind("publicShare", charge.publicShare())
                .bind("coPayment", charge.coPayment())
                .then();
    }

    public Mono<ChargeTotals> forDistrict(String district, YearMonth month) {
        return totalsOf("charge_district_month", "district", district, month);
    }

    public Mono<ChargeTotals> forProvider(String providerId, YearMonth month) {
        return totalsOf("charge_provider_month", "provider_id", providerId, month);
    }

    private Mono<ChargeTotals> totalsOf(String table, String keyColumn, String key, YearMonth month) {
        return db.sql("select charges, amount, public_share, co_payment from " + table + " where " + keyColumn
                        + " = :key and month = :month")
                .bind("key", key)
                .bind("month", ReportingMonth.firstDay(month))
                .map(ChargeKpiStore::totals)
                .one()
                .defaultIfEmpty(NONE);
    }

    private static ChargeTotals totals(Readable row) {
        return new ChargeTotals(
                row.get("charges", Long.class),
                row.get("amount", Long.class),
                row.get("public_share", Long.class),
                row.get("co_payment", Long.class));
    }
}
