package kr.dolbom.intake.plan;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CarePlanApproved;
import kr.dolbom.events.CareTopics;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.IntakeAnswer;
import kr.dolbom.platform.PlatformAutoConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A care plan drafted, approved and revised through the API: versions, the order's lines, the announcement. */
class CarePlanIT extends IntakeIntegrationTest {

    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);

    private record Line(UUID id, LocalDate startsOn, LocalDate endsOn) {}

    private List<Line> linesOf(UUID order) {
        return db.sql("select id, starts_on, ends_on from care_order_line where care_order_id = :id order by position")
                .bind("id", order)
                .map(row -> new Line(
                        row.get("id", UUID.class),
                        row.get("starts_on", LocalDate.class),
                        row.get("ends_on", LocalDate.class)))
                .all()
                .collectList()
                .block();
    }

    private WebTestClient.ResponseSpec draft(UUID order, Map<String, ?> plan, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = careManager()
                .put()
                .uri("/api/v1/care-orders/{id}/plan/draft", order)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.bodyValue(plan).exchange();
    }

    private WebTestClient.ResponseSpec approve(UUID order, @Nullable String ifMatch) {
        WebTestClient.RequestHeadersSpec<?> request =
                careManager().post().uri("/api/v1/care-orders/{id}/plan/approval", order);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.exchange();
    }

    private static Map<String, Object> weekly(Line line, String rule, @Nullable Integer minutes, LocalDate endsOn) {
        return minutes == null
                ? Map.of(
                        "lineId", line.id(),
                        "quantityPerOccurrence", 1,
                        "rule", rule,
                        "startsOn", line.startsOn().toString(),
                        "endsOn", endsOn.toString())
                : Map.of(
                        "lineId",
                        line.id(),
                        "quantityPerOccurrence",
                        1,
                        "minutesPerVisit",
                        minutes,
                        "rule",
                        rule,
                        "startsOn",
                        line.startsOn().toString(),
                        "endsOn",
                        endsOn.toString());
    }

    @Test
    void aPlanIsDraftedApprovedAndRevisedAndEachApprovalIsAnnouncedOnce() {
        IntakeAnswer answer =
                senior().namedUniquely("계획순").homeCare(8, 120).meals(20).submitTo(careManager());
        UUID order = answer.careOrderId();
        List<Line> lines = linesOf(order);
        Line homeCare = lines.get(0);
        Line meals = lines.get(1);

        draft(
                        order,
                        Map.of(
                                "lines",
                                List.of(
                                        weekly(homeCare, "FREQ=WEEKLY;BYDAY=MO,TH", 120, homeCare.endsOn()),
                                        weekly(meals, "FREQ=WEEKLY;BYDAY=MO,WE,FR", null, meals.endsOn()))),
                        null)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.versions[0].status")
                .isEqualTo("DRAFT")
                .jsonPath("$.currentVersion")
                .doesNotExist()
                .jsonPath("$.occurrences.length()")
                .isEqualTo(0);
        assertThat(count("select count(*) from outbox_event where message_key = '" + order + "'"))
                .as("a draft is announced to nobody")
                .isEqualTo(1);

        approve(order, "\"1\"")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.currentVersion")
                .isEqualTo(1)
                .jsonPath("$.versions[0].approvedBy")
                .isEqualTo("care-manager@mapo");
        eventually()
                .until(() -> !KAFKA.events(CareTopics.ORDERS, order, CarePlanApproved.class)
                        .isEmpty());
        CarePlanApproved first =
                KAFKA.events(CareTopics.ORDERS, order, CarePlanApproved.class).get(0);
        assertThat(first.lines()).hasSize(2);
        assertThat(first.lines().get(0).plannedDates())
                .isNotEmpty()
                .allMatch(date -> date.getDayOfWeek() == DayOfWeek.MONDAY || date.getDayOfWeek() == DayOfWeek.THURSDAY);

        // the revision leaves the meals out from the day after tomorrow and ends home care earlier
        LocalDate revisedFrom = today.plusDays(2);
        LocalDate homeCareEnd = homeCare.endsOn().minusDays(7);
        draft(
                        order,
                        Map.of(
                                "effectiveFrom",
                                revisedFrom.toString(),
                                "lines",
                                List.of(weekly(homeCare, "FREQ=WEEKLY;BYDAY=TU", 90, homeCareEnd))),
                        "\"2\"")
                .expectStatus()
                .isOk();
        approve(order, "\"3\"")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.versions[0].status")
                .isEqualTo("SUPERSEDED")
                .jsonPath("$.versions[1].status")
                .isEqualTo("APPROVED")
                .jsonPath("$.versions[1].ended[0].lineId")
                .isEqualTo(meals.id().toString());

        assertThat(linesOf(order))
                .extracting(Line::endsOn)
                .containsExactly(
                        homeCareEnd,
                        later(revisedFrom.minusDays(1), meals.startsOn().minusDays(1)));
        eventually()
                .until(() -> KAFKA.events(CareTopics.ORDERS, order, CarePlanApproved.class)
                                .size()
                        == 2);
        assertThat(KAFKA.events(CareTopics.ORDERS, order, CarePlanApproved.class)
                        .get(1)
                        .ended())
                .containsExactly(new CarePlanApproved.Ended(meals.id(), revisedFrom.minusDays(1)));
        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}", order)
                .exchange()
                .expectBody()
                .jsonPath("$.history[-1:].detail")
                .value(detail -> assertThat(detail.toString()).contains("care plan 2 approved"));
        careManager()
                .get()
                .uri("/api/v1/care-orders/{id}/plan?from={from}&to={to}", order, revisedFrom, homeCare.endsOn())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.occurrences[*].serviceType")
                .value(types -> assertThat((List<Object>) types).isNotEmpty().containsOnly("TEMPORARY_HOME_CARE"))
                .jsonPath("$.occurrences[*].minutesPerVisit")
                .value(minutes -> assertThat((List<Object>) minutes).containsOnly(90));
    }

    @Test
    void badAndStalePlansAreNamedAndChangeNothing() {
        UUID order =
                senior().namedUniquely("계획오류").meals(10).submitTo(careManager()).careOrderId();
        Line meals = linesOf(order).get(0);

        draft(order, Map.of("lines", List.of(weekly(meals, "FREQ=HOURLY", null, meals.endsOn()))), null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("lines[0].rule");
        draft(
                        order,
                        Map.of(
                                "lines",
                                List.of(weekly(
                                        meals,
                                        "FREQ=DAILY",
                                        null,
                                        meals.endsOn().plusDays(40)))),
                        null)
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("lines[0].endsOn");
        approve(order, null).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(count("select count(*) from care_plan_version where care_order_id = '" + order + "'"))
                .isZero();

        draft(order, Map.of("lines", List.of(weekly(meals, "FREQ=DAILY", null, meals.endsOn()))), null)
                .expectStatus()
                .isOk();
        draft(order, Map.of("lines", List.of(weekly(meals, "FREQ=WEEKLY", null, meals.endsOn()))), "\"7\"")
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);

        careManager()
                .post()
                .uri("/api/v1/care-orders/{id}/cancel", order)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "RESIDENT_DECLINED"))
                .exchange()
                .expectStatus()
                .isOk();
        approve(order, null)
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("CANCELLED"));
        assertThat(count("select count(*) from care_plan_version where care_order_id = '" + order
                        + "' and approved_at is not null"))
                .isZero();
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }
}
