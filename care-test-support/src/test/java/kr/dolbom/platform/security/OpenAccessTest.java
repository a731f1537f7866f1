package kr.dolbom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Security switched off (the benchmark's comparison run): the API answers as before Spring Security was on the
 * class path (no login, no CSRF token, no security headers), and a handler's caller comes from a token that is
 * read but not checked — never from request parameters.
 */
@SpringBootTest(
        classes = CareSecurityTest.WhoAmIService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            CareSecurityTest.NO_DATABASE_NOR_BROKER,
            "spring.application.name=whoami",
            CareSecurityAutoConfiguration.ENABLED + "=false",
            "management.endpoint.health.group.readiness.include=readinessState"
        })
// Generous: a first request on a loaded two-core machine can take seconds (JIT, the JWK set fetched once).
@AutoConfigureWebTestClient(timeout = "30s")
class OpenAccessTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @Test
    void postsNeedNeitherTokenNorCsrfAndGetNoSecurityHeaders() {
        http.post()
                .uri("/api/v1/echo")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("as before")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist("X-Frame-Options")
                .expectHeader()
                .doesNotExist("Cache-Control")
                .expectBody(String.class)
                .isEqualTo("as before");
        http.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
        assertThat(context.getBeanNamesForType(ReactiveJwtDecoder.class)).isEmpty();
    }

    @Test
    void aCallerCannotBeMadeUpFromRequestParameters() {
        http.get()
                .uri("/api/v1/whoami?subject=me&role=OPERATOR&district=mapo")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** What the benchmark's comparison run leaves out is checking the token, nothing else. */
    @Test
    void theCallerIsReadFromATokenThatIsNotChecked() {
        http.get()
                .uri("/api/v1/whoami")
                .headers(headers -> headers.setBearerAuth(
                        TestTokens.window("mapo").badSignature().expired().mint()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("WINDOW")
                .jsonPath("$.district")
                .isEqualTo("mapo");
        http.get()
                .uri("/api/v1/whoami")
                .headers(headers -> headers.setBearerAuth("not-a-token"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }
}
