package kr.dolbom.local;

import java.util.List;

/** The four services with their fixed ports and their own databases. */
enum ServiceSpec {
    INTAKE("intake-service", 8081, "intake", "/api/v1/care-requests"),
    MATCHING("matching-service", 8082, "matching", "/api/v1/providers?district=mapo"),
    BILLING("billing-service", 8083, "billing", "/api/v1/tariffs"),
    REPORTING("reporting-service", 8084, "reporting", "/api/v1/kpis/monthly?district=mapo&month=");

    final String name;
    final int port;
    final String database;
    final String entryPoint;

    ServiceSpec(String name, int port, String database, String entryPoint) {
        this.name = name;
        this.port = port;
        this.database = database;
        this.entryPoint = entryPoint;
    }

    /**
     * The demo district's prices that the seeds leave to the district (meals, repairs): example figures for
     * the tour, not prices of any real district.
     */
    List<String> demoArguments() {
        if (this != BILLING) {
            return List.of();
        }
        return List.of(
                "--dolbom.billing.unit-prices[0].service=MEAL_SUPPORT",
                "--dolbom.billing.unit-prices[0].effective-from=2021-01-01",
                "--dolbom.billing.unit-prices[0].price=8000",
                "--dolbom.billing.unit-prices[0].basis=demo district: meal support per meal",
                "--dolbom.billing.unit-prices[1].service=HOUSING_REPAIR",
                "--dolbom.billing.unit-prices[1].effective-from=2021-01-01",
                "--dolbom.billing.unit-prices[1].price=50000",
                "--dolbom.billing.unit-prices[1].basis=demo district: small repair per job");
    }
}
