package kr.dolbom.reporting.charge;

import io.r2dbc.spi.Readable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.ChargeReversed;
import kr.dolbom.events.DeliveryCharged;
import kr.dolbom.reporting.ReportingMonth;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
public class ChargeKpiStore {

    private static final ChargeTotals NONE = ChargeTotals.NONE;

    private final DatabaseClient db;

    ChargeKpiStore(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> add(DeliveryCharged charged) {
        return addAll(List.of(charged));
    }

    Mono<Void> reverse(ChargeReversed reversed) {
        return addAll(List.of(reversed));
    }

    /**
     * Adds charges, as many as come: summed per district and per provider month first, so that each month is
     * one row of one statement however many charges fall in it. District first, then provider, each in key
     * order, in every transaction, so that concurrent consumers never wait in a circle. A reversal
     * ({@link ChargeReversed}) takes its amounts off its original's month and counts as a reversal.
     */
    public Mono<Void> addAll(List<? extends CareEvent> charged) {
        Map<Key, ChargeTotals> byDistrict = new TreeMap<>();
        Map<Key, ChargeTotals> byProvider = new TreeMap<>();
        for (CareEvent one : charged) {
            ChargeFigures charge = ChargeFigures.of(one);
            ChargeTotals totals = ChargeTotals.of(charge);
            byDistrict.merge(new Key(charge.district(), charge.month()), totals, ChargeTotals::plus);
            byProvider.merge(new Key(charge.providerId(), charge.month()), totals, ChargeTotals::plus);
        }
        return addTo("charge_district_month", "district", byDistrict)
                .then(addTo("charge_provider_month", "provider_id", byProvider));
    }

    /** A district's or a provider's month. */
    private record Key(String key, YearMonth month) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byKey = key.compareTo(other.key);
            return byKey != 0 ? byKey : month.compareTo(other.month);
        }
    }

    /** Both tables have the same shape, keyed by district or by provider; their names are ours, never input. */
    private Mono<Void> addTo(String table, String keyColumn, Map<Key, ChargeTotals> months) {
        if (months.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("insert into " + table + " as target (" + keyColumn + """
                        , month, charges, amount, public_share, co_payment, reversals,
                                reversed_amount)
                        select * from unnest(:keys::text[], :months::date[], :charges::bigint[], :amounts::bigint[],
                                             :publicShares::bigint[], :coPayments::bigint[], :reversals::bigint[],
                                             :reversedAmounts::bigint[])
                        on conflict (""" + keyColumn + """
                        , month) do update
                           set charges = target.charges + excluded.charges,
                               amount = target.amount + excluded.amount,
                               public_share = target.public_share + excluded.public_share,
                               co_payment = target.co_payment + excluded.co_payment,
                               reversals = target.reversals + excluded.reversals,
                               reversed_amount = target.reversed_amount + excluded.reversed_amount""")
                .bind("keys", months.keySet().stream().map(Key::key).toArray(String[]::new))
                .bind(
                        "months",
                        months.keySet().stream()
                                .map(key -> ReportingMonth.firstDay(key.month()))
                                .toArray(LocalDate[]::new))
                .bind(
                        "charges",
                        months.values().stream().map(ChargeTotals::count).toArray(Long[]::new))
                .bind(
                        "amounts",
                        months.values().stream().map(ChargeTotals::amount).toArray(Long[]::new))
                .bind(
                        "publicShares",
                        months.values().stream().map(ChargeTotals::publicShare).toArray(Long[]::new))
                .bind(
                        "coPayments",
                        months.values().stream().map(ChargeTotals::coPayment).toArray(Long[]::new))
                .bind(
                        "reversals",
                        months.values().stream().map(ChargeTotals::reversals).toArray(Long[]::new))
                .bind(
                        "reversedAmounts",
                        months.values().stream()
                                .map(ChargeTotals::reversedAmount)
                                .toArray(Long[]::new))
                .then();
    }

    public Mono<ChargeTotals> forDistrict(String district, YearMonth month) {
        return totalsOf("charge_district_month", "district", district, month);
    }

    /**
     * 연매출: the amount charged in the district from January up to and with {@code month}, summed here so that a sum
     * beyond a long is an error, never a wrap-around.
     */
    public Mono<Long> yearToDate(String district, YearMonth month) {
        return db.sql("select amount from charge_district_month where district = :district"
                        + " and month >= :january and month <= :month")
                .bind("district", district)
                .bind("january", ReportingMonth.firstDay(month.withMonth(1)))
                .bind("month", ReportingMonth.firstDay(month))
                .map(row -> row.get("amount", Long.class))
                .all()
                .reduce(0L, Math::addExact);
    }

    public Mono<ChargeTotals> forProvider(String providerId, YearMonth month) {
        return totalsOf("charge_provider_month", "provider_id", providerId, month);
    }

    private Mono<ChargeTotals> totalsOf(String table, String keyColumn, String key, YearMonth month) {
        return db.sql("select charges, amount, public_share, co_payment, reversals, reversed_amount from " + table
                        + " where " + keyColumn + " = :key and month = :month")
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
                row.get("co_payment", Long.class),
                row.get("reversals", Long.class),
                row.get("reversed_amount", Long.class));
    }
}
