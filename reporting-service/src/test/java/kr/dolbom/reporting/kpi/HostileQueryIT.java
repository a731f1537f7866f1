package kr.dolbom.reporting.kpi;

import java.time.Duration;
import kr.dolbom.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A query parameter the database could not compare against: refused naming it, never a 500. */
class HostileQueryIT extends ReportingIntegrationTest {

    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aNulInTheDistrictIsRefusedNamingIt() {
        city().get()
                .uri("/api/v1/kpis/monthly?district={district}&month=2026-11", "ma\u0000po")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("district");
    }
}
