package kr.dolbom.intake.request;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import kr.dolbom.intake.IntakeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Input no form would send, but a script or an attacker will: refused with 400/415, never a 500, nothing stored. */
class HostileInputIT extends IntakeIntegrationTest {

    /** A busy machine's first answers can be slow; slowness is not what this test is about. */
    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aNulInAJsonStringIsRefusedNamingTheFieldAndNothingIsStored() {
        long orders = count("select count(*) from care_order");

        post(senior().named("a\u0000b").meals(3).json())
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("resident.name")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("NUL"));

        assertThat(count("select count(*) from care_order")).isEqualTo(orders);
    }

    @Test
    void anUnpairedSurrogateIsNotText() {
        String body = senior().meals(3).json().replace("\"김순자\"", "\"\\ud800\"");

        post(body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("resident.name");
    }

    @Test
    void aNulInAnArrayElementIsNamedByItsPath() {
        post(senior().meals(3).with("services[0].type", "MEAL\u0000").json())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("services[0].type");
    }

    /** Jackson quotes what it cannot read; a body of one long string must not come back whole (found by the fuzz). */
    @Test
    void aBodyOfOneLongStringIsRefusedWithoutEchoingIt() {
        String body = "\"" + "👵".repeat(40_000) + "\"";

        byte[] answer = post(body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body")
                .returnResult()
                .getResponseBodyContent();

        assertThat(answer).hasSizeLessThan(2_000);
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingIt() {
        String body =
                senior().meals(3).json().replace("\"district\":\"mapo\"", "\"district\":\"mapo\",\"district\":\"x\"");

        post(body)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("district"));
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        careManager()
                .post()
                .uri("/api/v1/care-requests")
                .bodyValue(senior().meals(3).json().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingTheParameter() {
        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}?district={district}", UUID.randomUUID(), "ma\u0000po")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("district");
    }

    @Test
    void aNulInAPathSegmentIsRefused() {
        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}", "ab\u0000cd")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("path");
    }

    @Test
    void readinessIncludesTheDatabase() {
        operator()
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status")
                .isEqualTo("UP")
                .jsonPath("$.components.readinessState.status")
                .isEqualTo("UP");
    }

    private WebTestClient.ResponseSpec post(String body) {
        return careManager()
                .post()
                .uri("/api/v1/care-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
