package kr.dolbom.billing;

import kr.dolbom.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The billing service on a real Kafka broker and a real PostgreSQL; one context for all its integration
 * tests. Meals have two dated prices, repairs none.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + BillingApplication.CONFIG_NAME,
            "dolbom.billing.unit-prices[0].service=MEAL_SUPPORT",
            "dolbom.billing.unit-prices[0].effective-from=2021-01-01",
            "dolbom.billing.unit-prices[0].price=5000",
            "dolbom.billing.unit-prices[1].service=MEAL_SUPPORT",
            "dolbom.billing.unit-prices[1].effective-from=2026-01-01",
            "dolbom.billing.unit-prices[1].price=6000",
            "dolbom.billing.unit-prices[1].basis=test notice 2026-1"
        })
public abstract class BillingIntegrationTest extends ServiceIntegrationTest {}
