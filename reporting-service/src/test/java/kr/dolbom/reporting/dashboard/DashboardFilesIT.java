package kr.dolbom.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import kr.dolbom.reporting.ReportingIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The dashboard's files are open to a browser without a token; nothing else became open with them. */
class DashboardFilesIT extends ReportingIntegrationTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/dashboard/index.html",
                "/dashboard/district.html",
                "/dashboard/city.html",
                "/dashboard/ops.html",
                "/dashboard/dashboard.js",
                "/webjars/chart.js/dist/chart.umd.js"
            })
    void aBrowserGetsTheFilesBeforeSigningIn(String file) {
        http.get()
                .uri(file)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueMatches("Content-Security-Policy", ".*script-src 'self';.*frame-ancestors 'none'.*")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer");
    }

    @Test
    void thePagesAreInKoreanFirst() {
        String page = http.get()
                .uri("/dashboard/district.html")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("<html lang=\"ko\">", "자치구 월간 현황");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/kpis/monthly?district=mapo&month=2026-11",
                "/api/v1/kpis/city?month=2026-11",
                "/actuator/prometheus",
                "/dashboard-not-really/index.html"
            })
    void everythingElseStillNeedsAToken(String path) {
        http.get()
                .uri(path)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .exists(HttpHeaders.WWW_AUTHENTICATE);
    }
}
