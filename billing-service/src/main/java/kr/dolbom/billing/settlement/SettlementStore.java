package kr.dolbom.billing.settlement;

import java.time.YearMonth;
import kr.dolbom.events.ServiceType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Adds up the charge table, which charging writes: settling only reads it, so that settlements need nothing
 * from the charge feature but its rows.
 */
@Repository
class SettlementStore {

    private final DatabaseClient db;

    SettlementStore(DatabaseClient db) {
        this.db = db;
    }

    /** The district whose deliveries the provider was charged for; empty for a provider never charged. */
    Mono<String> districtOf(String providerId) {
        return db.sql("select district from charge where provider_id = :provider limit 1")
                .bind("provider", providerId)
                .map(row -> row.get("district", String.class))
                .one();
    }

    /** The month of a delivery's day decides where it settles, not the day it was charged. */
    Mono<Settlement> ofMonth(String providerId, YearMonth month) {
        return db.sql("""
                        select service_type, count(*) as deliveries, sum(amount)::bigint as amount,
                               sum(public_share)::bigint as public_share, sum(co_payment)::bigint as co_payment
                        from charge
                        where provider_id = :provider and service_date >= :first and service_date < :next
                        group by service_type order by service_type""")
                .bind("provider", providerId)
                .bind("first", month.atDay(1))
                .bind("next", month.plusMonths(1).atDay(1))
                .map(row -> new Settlement.Line(
                        ServiceType.valueOf(row.get("service_type", String.class)),
                        row.get("deliveries", Long.class),
                        row.get("amount", Long.class),
                        row.get("public_share", Long.class),
                        row.get("co_payment", Long.class)))
                .all()
                .collectList()
                .map(lines -> Settlement.of(providerId, month, lines));
    }
}
