package kr.dolbom.reporting.access;

import static kr.dolbom.testsupport.AuthorizationMatrix.DISTRICT;
import static kr.dolbom.testsupport.AuthorizationMatrix.OWN_PROVIDER;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import kr.dolbom.reporting.ReportingIntegrationTest;
import kr.dolbom.testsupport.AuthorizationMatrix;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

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
                .operation("readKpiTargets", 200, client -> client.get().uri("/api/v1/targets/{d}", DISTRICT))
                // each success adds a version of an old month's target: what any later figure shows is unchanged
                .creation(
                        "setKpiTarget",
                        200,
                        client -> client.put()
                                .uri("/api/v1/targets/{d}/MEALS/2020-01", DISTRICT)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("value", 1000)))
                .operation("issueStreamTicket", 200, client -> client.post().uri("/api/v1/operations/stream-tickets"))
                // as the page opens it: a ticket first, with the caller's token, then the stream with the ticket alone
                .stream(
                        "streamOpsQueue",
                        200,
                        client -> client.get()
                                .uri(
                                        "/api/v1/operations/queue/stream?district={d}&access_token={t}",
                                        DISTRICT,
                                        ticket(client))
                                // EventSource sends no Authorization header; the client's default one is blanked
                                .header(HttpHeaders.AUTHORIZATION, "")
                                .accept(MediaType.TEXT_EVENT_STREAM))
                .tests();
    }

    /** A ticket for the client's caller, or a made-up one when it gets none (no token): the stream then says 401. */
    @SuppressWarnings("rawtypes")
    private static String ticket(WebTestClient client) {
        EntityExchangeResult<Map> issued = client.post()
                .uri("/api/v1/operations/stream-tickets")
                .exchange()
                .expectBody(Map.class)
                .returnResult();
        Map body = issued.getResponseBody();
        return issued.getStatus().is2xxSuccessful() && body != null ? (String) body.get("ticket") : "no-ticket";
    }
}
