package kr.dolbom.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

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
 * class path (no login, no CSRF token, no security headers), except that no handler can be given a caller.
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
@AutoConfigureWebTestClient
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
}
