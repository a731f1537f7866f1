package kr.dolbom.billing.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Map;
import kr.dolbom.events.ServiceType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables deploy/compose sets are the prices billing reads. */
class BillingPropertiesBindingTest {

    @Test
    void unitPricesBindFromEnvironmentVariables() {
        StandardEnvironment environment = new StandardEnvironment();
        // Named as the real one: only a source of that name gets the environment-variable name mapping.
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of(
                                        "DOLBOM_BILLING_UNITPRICES_0_SERVICE", "MEAL_SUPPORT",
                                        "DOLBOM_BILLING_UNITPRICES_0_EFFECTIVEFROM", "2021-01-01",
                                        "DOLBOM_BILLING_UNITPRICES_0_PRICE", "8000",
                                        "DOLBOM_BILLING_UNITPRICES_1_SERVICE", "HOUSING_REPAIR",
                                        "DOLBOM_BILLING_UNITPRICES_1_EFFECTIVEFROM", "2021-01-01",
                                        "DOLBOM_BILLING_UNITPRICES_1_PRICE", "50000")));

        BillingProperties bound = new Binder(ConfigurationPropertySources.get(environment))
                .bind("dolbom.billing", BillingProperties.class)
                .get();

        assertThat(bound.unitPrices())
                .extracting(
                        BillingProperties.ConfiguredUnitPrice::service,
                        BillingProperties.ConfiguredUnitPrice::effectiveFrom,
                        BillingProperties.ConfiguredUnitPrice::price)
                .containsExactly(
                        tuple(ServiceType.MEAL_SUPPORT, LocalDate.of(2021, 1, 1), 8000L),
                        tuple(ServiceType.HOUSING_REPAIR, LocalDate.of(2021, 1, 1), 50000L));
    }
}
