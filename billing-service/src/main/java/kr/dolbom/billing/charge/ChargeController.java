package kr.dolbom.billing.charge;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.web.Problems;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/charges")
class ChargeController {

    private final DatabaseClient db;

    ChargeController(DatabaseClient db) {
        this.db = db;
    }

    /** What one delivery was charged, under which tariff, and who pays it. */
    record ChargeView(UUID chargeId, UUID deliveryId, UUID careOrderId, String providerId, ServiceType serviceType,
            LocalDate serviceDate, Integer minutes, Integer units, long amount, long publicShare, long coPayment,
            String tariffId) {
    }

    @GetMapping("/by-delivery/{deliveryId}")
    Mono<ChargeView> ofDelivery(@PathVariable("deliveryId") UUID deliveryId) {
        return db.sql("""
                        select id, delivery_id, care_order_id, provider_id, service_type, service_date, minutes, units,
                               amount, public_share, co_payment, tariff_id
                        from charge where delivery_id = :id""")
                .bind("id", deliveryId)
                .map(row -> new ChargeView(row.get("id", UUID.class), row.get("delivery_id", UUID.class),
                        row.get("care_order_id", UUID.class), row.get("provider_id", String.class),
                        ServiceType.valueOf(row.get("service_type", String.class)),
                        row.get("service_date", LocalDate.class), row.get("minutes", Integer.class),
                        row.get("units", Integer.class), row.get("amount", Long.class),
                        row.get("public_share", Long.class), row.get("co_payment", Long.class),
                        row.get("tariff_id", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("charge of delivery", deliveryId)));
    }
}
