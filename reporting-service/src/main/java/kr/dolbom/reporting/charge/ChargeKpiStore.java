package kr.dolbom.reporting.charge;

import io.r2dbc.spi.Readable;
import java.time.YearMonth;
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
    Mono<Void> add(ChargeFigures charge) {
        Mono<Void> byDistrict = db.sql("""
                        insert into charge_district_month (district, month, charges, amount, public_share, co_payment)
                        values (:district, :month, 1, :amount, :publicShare, :coPayment)
                        on conflict (district, month) do update
                           set charges = charge_district_month.charges + excluded.charges,
                               amount = charge_district_month.amount + excluded.amount,
                               public_share = charge_district_month.public_share + excluded.public_share,
                               co_payment = charge_district_month.co_payment + excluded.co_payment""")
                .bind("district", charge.district())
                .bind("month", ReportingMonth.firstDay(charge.month()))
                .bind("amount", charge.amount())
                .bind("publicShare", charge.publicShare())
                .bind("coPayment", charge.coPayment())
                .then();
        Mono<Void> byProvider = db.sql("""
                        insert into charge_provider_month (provider_id, month, charges, amount, public_share, co_payment)
                        values (:providerId, :month, 1, :amount, :publicShare, :coPayment)
                        on conflict (provider_id, month) do update
                           set charges = charge_provider_month.charges + excluded.charges,
                               amount = charge_provider_month.amount + excluded.amount,
                               public_share = charge_provider_month.public_share + excluded.public_share,
                               co_payment = charge_provider_month.co_payment + excluded.co_payment""")
                .bind("providerId", charge.providerId())
                .bind("month", ReportingMonth.firstDay(charge.month()))
                .bind("amount", charge.amount())
                .bind("publicShare", charge.publicShare())
                .bind("coPayment", charge.coPayment())
                .then();
        return byDistrict.then(byProvider);
    }

    public Mono<ChargeTotals> forDistrict(String district, YearMonth month) {
        return db.sql("""
                        select charges, amount, public_share, co_payment from charge_district_month
                        where district = :district and month = :month""")
                .bind("district", district)
                .bind("month", ReportingMonth.firstDay(month))
                .map(ChargeKpiStore::totals)
                .one()
                .defaultIfEmpty(NONE);
    }

    public Mono<ChargeTotals> forProvider(String providerId, YearMonth month) {
        return db.sql("""
                        select charges, amount, public_share, co_payment from charge_provider_month
                        where provider_id = :providerId and month = :month""")
                .bind("providerId", providerId)
                .bind("month", ReportingMonth.firstDay(month))
                .map(ChargeKpiStore::totals)
                .one()
                .defaultIfEmpty(NONE);
    }

    private static ChargeTotals totals(Readable row) {
        return new ChargeTotals(row.get("charges", Long.class), row.get("amount", Long.class),
                row.get("public_share", Long.class), row.get("co_payment", Long.class));
    }
}
