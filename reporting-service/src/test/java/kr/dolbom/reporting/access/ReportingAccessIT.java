package kr.dolbom.reporting.access;

import static kr.dolbom.testsupport.AuthorizationMatrix.DISTRICT;
import static kr.dolbom.testsupport.AuthorizationMatrix.OWN_PROVIDER;

import java.util.UUID;
import java.util.stream.Stream;
import kr.dolbom.reporting.ReportingIntegrationTest;
import kr.dolbom.testsupport.AuthorizationMatrix;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Reporting's access policy against the running service, as the generated matrix. */
class ReportingAccessIT extends ReportingIntegrationTest {

    @TestFactory
    Stream<DynamicNode> authorizationMatrix() {
        return AuthorizationMatrix.of(http, ReportingAccess.POLICY)
                .operation(
                        "readMonthlyKpis",
                        200,
                        client -> client.get().uri("/api/v1/kpis/monthly?district={d}&month=2026-11", DISTRICT))
                .operation(
                        "readOrderKpis",
                        200,
                        client -> client.get().uri("/api/v1/kpis/orders?district={d}&month=2026-11", DISTRICT))
                .operation(
                        "readMealVolume",
                        200,
                        client -> client.get().uri("/api/v1/kpis/meal-volume?district={d}&month=2026-11", DISTRICT))
                .operation(
                        "readUsersServed",
                        200,
                        client -> client.get().uri("/api/v1/kpis/users-served?district={d}&month=2026-11", DISTRICT))
                .operation(
                        "readKpiTrend",
                        200,
                        client -> client.get().uri("/api/v1/kpis/trend?district={d}&to=2026-11", DISTRICT))
                .operation(
                        "readLineQueue", 200, client -> client.get().uri("/api/v1/kpis/queue?district={d}", DISTRICT))
                .operation(
                        "readDongKpis",
                        200,
                        client -> client.get().uri("/api/v1/kpis/dongs?district={d}&month=2026-11", DISTRICT))
                .operation(
                        "readKpiTrendSheet",
                        200,
                        client -> client.get().uri("/api/v1/kpis/trend.xlsx?district={d}&to=2026-11", DISTRICT))
                .operation(
                        "readLineQueueSheet",
                        200,
                        client -> client.get().uri("/api/v1/kpis/queue.xlsx?district={d}", DISTRICT))
                .operation(
                        "readDongSheet",
                        200,
                        client -> client.get().uri("/api/v1/kpis/dongs.xlsx?district={d}&month=2026-11", DISTRICT))
                .operation("readCitySheet", 200, client -> client.get().uri("/api/v1/kpis/city.xlsx?month=2026-11"))
                .operation("readCityKpis", 200, client -> client.get().uri("/api/v1/kpis/city?month=2026-11"))
                .operation(
                        "readProviderCharges",
                        200,
                        client -> client.get().uri("/api/v1/kpis/charges?provider={p}&month=2026-11", OWN_PROVIDER))
                // starts a real rebuild of the read models: the figures it leaves are the ones the events give
                .operation("startRebuild", 202, client -> client.post().uri("/api/v1/operations/rebuilds"))
                // a rebuild that does not exist: the policy is what is asserted here; RebuildIT follows real ones
                .operation(
                        "readRebuild",
                        404,
                        client -> client.get().uri("/api/v1/operations/rebuilds/{id}", UUID.randomUUID()))
                .tests();
    }
}
