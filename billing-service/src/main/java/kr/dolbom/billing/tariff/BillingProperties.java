package kr.dolbom.billing.tariff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.List;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Prices the seeds leave to the district (meals, repairs), as configuration with the day they take effect.
 */
@Validated
@ConfigurationProperties("dolbom.billing")
public record BillingProperties(@Valid List<ConfiguredUnitPrice> unitPrices) {

    public BillingProperties {
        unitPrices = unitPrices == null ? List.of() : List.copyOf(unitPrices);
    }

    /** @param basis where the price comes from (a district notice, a contract), kept with the tariff */
    public record ConfiguredUnitPrice(
            @NotNull ServiceType service,
            @NotNull LocalDate effectiveFrom,
            @NotNull @Positive Long price,
            @Nullable String basis) {

        UnitPrice toTariff() {
            return new UnitPrice(
                    "configured-" + service.name().toLowerCase().replace('_', '-') + "-" + effectiveFrom,
                    service,
                    effectiveFrom,
                    price);
        }
    }
}
