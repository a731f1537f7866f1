package kr.dolbom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's security on a bare WebFlux service: real tokens signed by TestTokens' key, whose JWK set the
 * service fetches over HTTP. No database or broker: their auto-configurations are left out.
 */
@SpringBootTest(
        classes = CareSecurityTest.WhoAmIService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            CareSecurityTest.NO_DATABASE_NOR_BROKER,
            "spring.application.name=whoami",
            "management.endpoint.health.group.readiness.include=readinessState"
        })
// Generous: a first request on a loaded two-core machine can take seconds (JIT, the JWK set fetched once).
@AutoConfigureWebTestClient(timeout = "30s")
class CareSecurityTest {

    static final String NO_DATABASE_NOR_BROKER = "spring.autoconfigure.exclude="
            + "kr.dolbom.platform.PlatformAutoConfiguration,"
            + "kr.dolbom.platform.kafka.CareKafkaAutoConfiguration,"
            + "kr.dolbom.platform.outbox.OutboxAutoConfiguration,"
            + "kr.dolbom.platform.inbox.InboxAutoConfiguration,"
            + "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
            + "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration,"
            + "org.springframework.boot.r2dbc.autoconfigure.health.ConnectionFactoryHealthContributorAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
            + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
            + "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration,"
            + "org.springframework.cloud.stream.config.BindingServiceConfiguration,"
            + "org.springframework.cloud.stream.function.FunctionConfiguration";

    private static final String WHOAMI = "/api/v1/whoami";

    @Autowired
    WebTestClient http;

    @DynamicPropertySource
    static void tokens(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void aValidTokenReachesTheHandlerAsTheCaller() {
        int fetchesBefore = TestTokens.jwkSetFetches();

        http.get()
                .uri(WHOAMI)
                .headers(headers -> headers.setBearerAuth(
                        TestTokens.careManager("mapo", "mangwon1").mint()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.subject")
                .isEqualTo("care-manager@mapo")
                .jsonPath("$.role")
                .isEqualTo("CARE_MANAGER")
                .jsonPath("$.district")
                .isEqualTo("mapo")
                .jsonPath("$.dongs[0]")
                .isEqualTo("mangwon1");
        assertThat(TestTokens.jwkSetFetches() + 1)
                .as("the key came from the JWK set over HTTP (or was fetched by an earlier test)")
                .isGreaterThan(fetchesBefore)
                .isGreaterThan(1);

        http.get()
                .uri(WHOAMI)
                .headers(headers -> headers.setBearerAuth(
                        TestTokens.provider("mapo", "mapo-homecare-coop").mint()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("PROVIDER")
                .jsonPath("$.provider")
                .isEqualTo("mapo-homecare-coop");
    }

    @Test
    void noTokenIsAProblemOf401WithABearerChallenge() {
        http.get()
                .uri(WHOAMI)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.instance")
                .isEqualTo(WHOAMI);
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                arguments("expired", TestTokens.window("mapo").expired().mint()),
                arguments(
                        "not yet valid", TestTokens.window("mapo").notYetValid().mint()),
                arguments(
                        "wrong issuer",
                        TestTokens.window("mapo")
                                .issuer("https://issuer.example")
                                .mint()),
                arguments(
                        "wrong audience",
                        TestTokens.window("mapo").audience("some-other-api").mint()),
                arguments("no audience", TestTokens.window("mapo").audience().mint()),
                arguments(
                        "bad signature",
                        TestTokens.window("mapo").badSignature().mint()),
                arguments("alg none", TestTokens.window("mapo").unsigned().mint()),
                arguments(
                        "unknown role", TestTokens.withRole("ADMIN", "someone").mint()),
                arguments(
                        "window without district",
                        TestTokens.window("mapo").district(null).mint()),
                arguments(
                        "provider staff without provider",
                        TestTokens.provider("mapo", "mapo-homecare-coop")
                                .provider(null)
                                .mint()),
                arguments("not a JWT", "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aRefusedTokenIsA401ThatSaysNothingOfWhy(String why, String token) {
        byte[] body = http.get()
                .uri(WHOAMI)
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.detail")
                .isEqualTo("A valid bearer token is required.")
                .returnResult()
                .getResponseBody();
        assertThat(new String(body == null ? new byte[0] : body))
                .doesNotContainIgnoringCase("expired")
                .doesNotContainIgnoringCase("issuer")
                .doesNotContainIgnoringCase("signature")
                .doesNotContainIgnoringCase("audience");
    }

    @Test
    void probesArePublicAndOtherActuatorEndpointsAreForOperators() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

        http.get()
                .uri("/actuator/metrics")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get()
                .uri("/actuator/metrics")
                .headers(headers ->
                        headers.setBearerAuth(TestTokens.window("mapo").mint()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
        http.get()
                .uri("/actuator/health")
                .headers(headers -> headers.setBearerAuth(TestTokens.cityAdmin().mint()))
                .exchange()
                .expectStatus()
                .isForbidden();
        http.get()
                .uri("/actuator/metrics")
                .headers(headers -> headers.setBearerAuth(TestTokens.operator().mint()))
                .exchange()
                .expectStatus()
                .isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        http.get()
                .uri("/actuator/prometheus")
                .headers(headers -> headers.setBearerAuth(TestTokens.operator().mint()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void healthDetailsAreForOperatorsOnly() {
        http.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components")
                .doesNotExist();
        http.get()
                .uri("/actuator/health/readiness")
                .headers(headers -> headers.setBearerAuth(TestTokens.operator().mint()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.readinessState.status")
                .isEqualTo("UP");
    }

    @Test
    void theApiDocumentIsPublicAndDeclaresBothWaysToPresentAToken() {
        http.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.bearer.scheme")
                .isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.sign-in.flows.authorizationCode.tokenUrl")
                .isEqualTo(TestTokens.issuer() + "/oauth2/token")
                .jsonPath("$.paths['/api/v1/whoami'].get.parameters")
                .doesNotExist();
    }

    @SpringBootApplication
    static class WhoAmIService {

        @RestController
        static class WhoAmI {

            @GetMapping(WHOAMI)
            Caller whoami(Caller caller) {
                return caller;
            }

            @PostMapping("/api/v1/echo")
            String echo(@RequestBody String body) {
                return body;
            }
        }
    }
}
