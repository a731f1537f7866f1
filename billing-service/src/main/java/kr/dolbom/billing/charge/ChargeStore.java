package kr.dolbom.billing.charge;

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

    /** False when the delivery was charged already: a delivery is charged once, whatever reaches billing twice. */
    Mono<Boolean> insert(Charge charge) {
        var delivery = charge.delivery();
        return db.sql("""
                        insert into charge (id, delivery_id, care_order_id, line_id, provider_id, district, service_type,
                                            resident_ref, income_tier, service_date, minutes, units, amount,
                                            public_share, co_payment, tariff_id)
                        values (:id, :deliveryId, :orderId, :lineId, :provider, :district, :type, :resident, :tier,
                                :day, :minutes, :units, :amount, :publicShare, :coPayment, :tariff)
                        on conflict (delivery_id) do nothing""")
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
                .bind("minutes", Parameter.fromOrEmpty(charge.usage().minutes(), Integer.class))
                .bind("units", Parameter.fromOrEmpty(charge.usage().units(), Integer.class))
                .bind("amount", charge.amount())
                .bind("publicShare", charge.split().publicShare())
                .bind("coPayment", charge.split().coPayment())
                .bind("tariff", charge.tariffId())
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }
}
