package kr.dolbom.intake.order;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/** The window's work list: most urgent first, filters, and pages that neither skip nor repeat. */
class WorkListIT extends IntakeIntegrationTest {

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String query) {
        return careManager()
                .get()
                .uri("/api/v1/care-orders?district=mapo&" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("orders"))
                .stream().map(order -> order.get("careOrderId").toString()).toList();
    }

    /** 첫 서비스 지연: orders waiting that many days or more for their first delivery. */
    @Test
    void ordersWaitingForTheirFirstServiceSinceNDays() {
        UUID waiting = senior().namedUniquely("대기순")
                .inDong("yeonnam")
                .repairs(1)
                .submitTo(careManager())
                .careOrderId();
        UUID served = senior().namedUniquely("개시됨")
                .inDong("yeonnam")
                .repairs(1)
                .submitTo(careManager())
                .careOrderId();
        UUID recent = senior().namedUniquely("최근순")
                .inDong("yeonnam")
                .repairs(1)
                .submitTo(careManager())
                .careOrderId();
        db.sql("update care_order set requested_on = requested_on - 10 where id in (:waiting, :served)")
                .bind("waiting", waiting)
                .bind("served", served)
                .then()
                .block();
        db.sql("update care_order set status = 'IN_PROGRESS' where id = :served")
                .bind("served", served)
                .then()
                .block();

        List<String> late = ids(page("dong=yeonnam&notStartedAfterDays=7&limit=200"));

        assertThat(late).contains(waiting.toString()).doesNotContain(served.toString(), recent.toString());
        assertThat(ids(page("dong=yeonnam&limit=200")))
                .contains(waiting.toString(), served.toString(), recent.toString());
    }

    @Test
    void urgentFirstThenLowIncomeThenTheRestAndPagesAreStable() {
        String routine = senior().named("업무일")
                .inDong("hapjeong")
                .incomeTier("GENERAL")
                .repairs(1)
                .submitTo(careManager())
                .careOrderId()
                .toString();
        String lowIncome = senior().named("업무이")
                .inDong("hapjeong")
                .repairs(1)
                .submitTo(careManager())
                .careOrderId()
                .toString();
        String urgent = senior().named("업무삼")
                .inDong("hapjeong")
                .incomeTier("GENERAL")
                .urgent()
                .repairs(1)
                .submitTo(careManager())
                .careOrderId()
                .toString();

        List<String> all = ids(page("dong=hapjeong&service=HOUSING_REPAIR&limit=200"));
        assertThat(all).contains(routine, lowIncome, urgent);
        assertThat(all.indexOf(urgent)).isLessThan(all.indexOf(lowIncome));
        assertThat(all.indexOf(lowIncome)).isLessThan(all.indexOf(routine));

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page =
                    page("dong=hapjeong&service=HOUSING_REPAIR&limit=1" + (next == null ? "" : "&after=" + next));
            paged.addAll(ids(page));
            next = (String) page.get("next");
        } while (next != null);
        assertThat(paged).isEqualTo(all);

        assertThat(ids(page("dong=hapjeong&urgent=true&limit=200")))
                .contains(urgent)
                .doesNotContain(routine, lowIncome);
        assertThat(ids(page("dong=hapjeong&status=CANCELLED&limit=200"))).doesNotContain(urgent);
    }

    @Test
    void aCareManagerWithDongsListsThoseDongsAndOthersAreNotFound() {
        UUID elsewhere = senior().named("업무사")
                .inDong("hapjeong")
                .meals(2)
                .submitTo(careManager())
                .careOrderId();
        var mangwon = as(TestTokens.careManager("mapo", "mangwon1"));

        mangwon.get()
                .uri("/api/v1/care-orders?district=mapo&dong=hapjeong")
                .exchange()
                .expectStatus()
                .isNotFound();
        mangwon.get()
                .uri("/api/v1/care-orders?district=mapo&limit=200")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.orders[?(@.dong != 'mangwon1')]")
                .doesNotExist()
                .jsonPath("$.orders[?(@.careOrderId == '%s')]".formatted(elsewhere))
                .doesNotExist();
        careManager()
                .get()
                .uri("/api/v1/care-orders?district=mapo&after=nonsense")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("after");
    }
}
