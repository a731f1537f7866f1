package kr.dolbom.billing.charge;

import java.util.function.Consumer;
import kr.dolbom.billing.tariff.PricingRefused;
import kr.dolbom.billing.tariff.TariffStore;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.RejectedEventException;
import kr.dolbom.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

/**
 * Charges each delivery as it is reported: priced by the tariff in force on its day, split by the
 * resident's income tier, recorded and announced in one transaction. A delivery that cannot be priced
 * goes to the dead-letter topic with the reason; it is never charged at zero.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryCharging {

    private static final Logger log = LoggerFactory.getLogger(DeliveryCharging.class);

    @Bean
    Consumer<Message<byte[]>> deliveryEvents(IdempotentConsumers consumers, TariffStore tariffs, ChargeStore charges,
            Outbox outbox) {
        return consumers.consumer("deliveryEvents", EventHandlers.handling()
                .on(ServiceDelivered.class, (delivered, envelope) -> charge(delivered, tariffs, charges, outbox)));
    }

    static Mono<Void> charge(ServiceDelivered delivered, TariffStore tariffs, ChargeStore charges, Outbox outbox) {
        return tariffs.inForce(delivered.serviceType(), delivered.serviceDate())
                .switchIfEmpty(Mono.error(() -> new RejectedEventException("no tariff for " + delivered.serviceType()
                        + " in force on " + delivered.serviceDate() + "; delivery " + delivered.deliveryId() + " not charged")))
                .map(tariff -> {
                    try {
                        return Charge.of(delivered, tariff);
                    } catch (PricingRefused refused) {
                        throw new RejectedEventException(refused.getMessage() + "; delivery " + delivered.deliveryId());
                    }
                })
                .flatMap(charge -> charges.insert(charge).flatMap(inserted -> inserted
                        ? outbox.append(charge.announcement()).doOnSuccess(done -> log.info(
                                "Delivery {} charged {} KRW (public {}, co-payment {}) under {}", delivered.deliveryId(),
                                charge.amount(), charge.split().publicShare(), charge.split().coPayment(), charge.tariffId()))
                        : Mono.empty()));
    }
}
