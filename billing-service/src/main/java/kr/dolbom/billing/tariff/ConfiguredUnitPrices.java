package kr.dolbom.billing.tariff;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import kr.dolbom.events.ServiceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Writes the configured unit prices into the tariff table at start-up, after the migrations and before any
 * delivery is consumed, and says which unit services still have no price at all.
 */
@Component
@DependsOn("flywayInitializer")
class ConfiguredUnitPrices implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUnitPrices.class);

    private final BillingProperties properties;
    private final TariffStore tariffs;

    ConfiguredUnitPrices(BillingProperties properties, TariffStore tariffs) {
        this.properties = properties;
        this.tariffs = tariffs;
    }

    @Override
    public void afterPropertiesSet() {
        Flux.fromIterable(properties.unitPrices())
                .concatMap(price -> tariffs.recordUnitPrice(
                        price.toTariff(), price.basis() == null ? "configuration" : price.basis()))
                .blockLast(Duration.ofSeconds(30));
        Set<ServiceType> priced = EnumSet.noneOf(ServiceType.class);
        tariffs.all().doOnNext(tariff -> priced.add(tariff.serviceType())).blockLast(Duration.ofSeconds(30));
        for (ServiceType type : ServiceType.values()) {
            if (!priced.contains(type)) {
                log.warn(
                        "No tariff for {}: its deliveries will be dead-lettered until dolbom.billing.unit-prices "
                                + "gives it a price",
                        type);
            }
        }
    }
}
