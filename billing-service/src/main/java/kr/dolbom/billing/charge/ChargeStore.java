package kr.dolbom.billing.charge;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.billing.tariff.Usage;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

@Repository
class ChargeStore {

    private final DatabaseClient db;

    ChargeStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * False when the delivery was charged already: a delivery is charged once, whatever reaches billing twice. Its
     * settlement month is decided before (the charge table's rows are never updated).
     */
    Mono<Boolean> insert(Charge charge) {
        var delivery = charge.delivery();
        return db.sql("""
                        insert into charge (id, delivery_id, care_order_id, line_id, provider_id, district,
                                            service_type, resident_ref, income_tier, service_date, minutes, units,
                                            amount, public_share, co_payment, tariff_id, minutes_beyond_cap,
                                            settlement_month, funding_rule_id)
                        values (:id, :deliveryId, :orderId, :lineId, :provider, :district, :type, :resident, :tier,
                                :day, :minutes, :units, :amount, :publicShare, :coPayment, :tariff, :beyondCap,
                                :settlementMonth, :fundingRule)
                        on conflict (delivery_id) where reverses is null do nothing""")
                .bind("id", charge.chargeId())
                .bind("deliveryId", delivery.deliveryId())
                .bind("orderId", delivery.careOrderId())
                .bind("lineId", delivery.lineId())
                .bind("provider", delivery.providerId())
                .bind("district", delivery.district())
                .bind("type", delivery.serviceType().name())
                .bind("resident", delivery.residentRef())
                .bind("tier", delivery.incomeTier().name())
                .bind("day", delivery.serviceDate())
                .bind("minutes", Parameter.fromOrEmpty(delivery.usage().minutes(), Integer.class))
                .bind("units", Parameter.fromOrEmpty(delivery.usage().units(), Integer.class))
                .bind("amount", charge.amount())
                .bind("publicShare", charge.split().publicShare())
                .bind("coPayment", charge.split().coPayment())
                .bind("tariff", charge.tariffId())
                .bind("beyondCap", charge.minutesBeyondCap())
                .bind("settlementMonth", charge.settlementMonth().atDay(1))
                .bind("fundingRule", Parameter.fromOrEmpty(charge.fundingRuleId(), String.class))
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    /**
     * False when the charge was reversed already: a charge is reversed at most once, whatever reaches billing twice.
     * The row copies the charge's delivery, tariff and rule, with its amounts negated.
     */
    Mono<Boolean> insert(Reversal reversal) {
        return db.sql("""
                        insert into charge (id, delivery_id, care_order_id, line_id, provider_id, district,
                                            service_type, resident_ref, income_tier, service_date, minutes, units,
                                            amount, public_share, co_payment, tariff_id, minutes_beyond_cap,
                                            settlement_month, funding_rule_id, reverses)
                        select :id, delivery_id, care_order_id, line_id, provider_id, district, service_type,
                               resident_ref, income_tier, service_date, minutes, units, :amount, :publicShare,
                               :coPayment, tariff_id, minutes_beyond_cap, :settlementMonth, funding_rule_id, id
                        from charge where id = :original and reverses is null
                        on conflict (reverses) do nothing""")
                .bind("id", reversal.chargeId())
                .bind("amount", reversal.amount())
                .bind("publicShare", reversal.publicShare())
                .bind("coPayment", reversal.coPayment())
                .bind("settlementMonth", reversal.settlementMonth().atDay(1))
                .bind("original", reversal.original().chargeId())
                .fetch()
                .rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    /** The reversal of the charge; empty while it stands. */
    Mono<BookedReversal> reversalOf(UUID chargeId) {
        return db.sql("""
                        select id, settlement_month, amount, public_share, co_payment, charged_at from charge
                        where reverses = :id""")
                .bind("id", chargeId)
                .map(row -> new BookedReversal(
                        row.get("id", UUID.class),
                        YearMonth.from(row.get("settlement_month", LocalDate.class)),
                        row.get("amount", Long.class),
                        row.get("public_share", Long.class),
                        row.get("co_payment", Long.class),
                        row.get("charged_at", Instant.class)))
                .one();
    }

    /** A reversal as recorded: its own line, the month that counts it, its (negative) amounts, when it was booked. */
    record BookedReversal(
            UUID chargeId, YearMonth settlementMonth, long amount, long publicShare, long coPayment, Instant at) {}

    /** Empty while the delivery is not charged: it has not reached billing yet, or it was refused. */
    Mono<Charge> ofDelivery(UUID deliveryId) {
        return db.sql("""
                        select id, delivery_id, care_order_id, line_id, provider_id, district, service_type,
                               resident_ref, income_tier, service_date, minutes, units, amount, public_share,
                               co_payment, tariff_id, minutes_beyond_cap, settlement_month, funding_rule_id
                        from charge where delivery_id = :id and reverses is null""").bind("id", deliveryId).map(ChargeStore::charge).one();
    }

    private static Charge charge(Readable row) {
        var delivery = new Charge.Delivery(
                row.get("delivery_id", UUID.class),
                row.get("care_order_id", UUID.class),
                row.get("line_id", UUID.class),
                row.get("provider_id", String.class),
                row.get("district", String.class),
                ServiceType.valueOf(row.get("service_type", String.class)),
                row.get("resident_ref", UUID.class),
                IncomeTier.valueOf(row.get("income_tier", String.class)),
                row.get("service_date", LocalDate.class),
                new Usage(row.get("minutes", Integer.class), row.get("units", Integer.class)));
        return new Charge(
                row.get("id", UUID.class),
                delivery,
                row.get("amount", Long.class),
                new FundingPolicy.Split(row.get("public_share", Long.class), row.get("co_payment", Long.class)),
                row.get("tariff_id", String.class),
                row.get("minutes_beyond_cap", Integer.class),
                YearMonth.from(row.get("settlement_month", LocalDate.class)),
                row.get("funding_rule_id", String.class));
    }
}
