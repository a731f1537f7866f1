package kr.dolbom.intake.resident;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderIncomeTierChanged;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.CareRequests;
import kr.dolbom.intake.request.IntakeAnswer;
import kr.dolbom.platform.PlatformAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ResidentRecordIT extends IntakeIntegrationTest {

    private static final String NEW_ADDRESS = "서울특별시 마포구 성산로 7, 203호";

    @Test
    void aRequestWithOtherDetailsIsRefusedNamingThemAndTheRecordStaysAsItWas() {
        String name = uniqueName();
        IntakeAnswer first = senior().named(name).meals(3).submitTo(careManager());
        UUID resident = residentOf(first.careOrderId());
        long orders = count("select count(*) from care_order");
        long events = count("select count(*) from outbox_event");

        submit(senior().named(name).meals(3).with("resident.address", NEW_ADDRESS))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(409)
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("resident.address")
                .jsonPath("$.residentRef")
                .isEqualTo(resident.toString())
                .jsonPath("$.change.method")
                .isEqualTo("PUT")
                .jsonPath("$.change.href")
                .isEqualTo("/api/v1/residents/" + resident)
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).doesNotContain("망원로"));

        assertThat(text("select address from resident where id = '" + resident + "'"))
                .isEqualTo("서울특별시 마포구 망원로 12, 101호");
        assertThat(count("select version::bigint from resident where id = '" + resident + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from care_order")).isEqualTo(orders);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(events);
        // The same details again are the same resident, as before (for another service: the meals are ordered).
        assertThat(residentOf(
                        senior().named(name).repairs(1).submitTo(careManager()).careOrderId()))
                .isEqualTo(resident);
    }

    @Test
    void aConfirmedChangeIsANewVersionAnnouncedToEveryOpenOrder() {
        String name = uniqueName();
        IntakeAnswer meals = senior().named(name).meals(3).submitTo(careManager());
        IntakeAnswer visits = senior().named(name).homeCare(2, 120).submitTo(careManager());
        UUID resident = residentOf(meals.careOrderId());

        change(resident, IncomeTier.NEAR_POOR, "\"1\"")
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.incomeTier")
                .isEqualTo("NEAR_POOR")
                .jsonPath("$.changed")
                .isEqualTo(List.of("address", "incomeTier"));

        assertThat(count("select count(*) from resident_version where resident_id = '" + resident + "'"))
                .isEqualTo(2);
        assertThat(text("select array_to_string(changed_fields, ',') || ' / ' || reason from resident_version"
                        + " where resident_id = '" + resident + "' and version = 2"))
                .isEqualTo("address,incomeTier / 차상위 결정 통지서 확인");
        assertThat(text("select address || ' / ' || income_tier from resident where id = '" + resident + "'"))
                .isEqualTo(NEW_ADDRESS + " / NEAR_POOR");
        LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);
        for (UUID order : List.of(meals.careOrderId(), visits.careOrderId())) {
            List<OrderIncomeTierChanged> changed = eventually()
                    .until(
                            () -> KAFKA.events(CareTopics.ORDERS, order, OrderIncomeTierChanged.class),
                            events -> events.size() == 1);
            assertThat(changed.get(0))
                    .isEqualTo(new OrderIncomeTierChanged(order, resident, "mapo", IncomeTier.NEAR_POOR, today));
            assertThat(text("select income_tier from care_order where id = '" + order + "'"))
                    .isEqualTo("NEAR_POOR");
        }

        // Requests now match the new version; the old details are the ones that differ. (A service of neither
        // open order: one of those would be refused as well, being ordered already.)
        submit(senior().named(name).repairs(1))
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("resident.address", "resident.incomeTier"));
        submit(senior().named(name)
                        .repairs(1)
                        .with("resident.address", NEW_ADDRESS)
                        .incomeTier("NEAR_POOR"))
                .expectStatus()
                .isCreated();
    }

    @Test
    void aChangeOnAnOldVersionIsRefusedAndTheSameChangeTwiceIsOneVersion() {
        String name = uniqueName();
        UUID resident =
                residentOf(senior().named(name).meals(3).submitTo(careManager()).careOrderId());

        change(resident, IncomeTier.GENERAL, null).expectStatus().isOk();
        change(resident, IncomeTier.GENERAL, null)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(2)
                .jsonPath("$.changed.length()")
                .isEqualTo(0);
        change(resident, IncomeTier.NEAR_POOR, "\"1\"")
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_FAILED)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        change(resident, IncomeTier.NEAR_POOR, "latest")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("If-Match");
        change(UUID.randomUUID(), IncomeTier.NEAR_POOR, null).expectStatus().isNotFound();
        careManager()
                .put()
                .uri("/api/v1/residents/{ref}", resident)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "address", NEW_ADDRESS,
                        "dong", "atlantis",
                        "disabled", false,
                        "incomeTier", "NEAR_POOR",
                        "reason", "이사"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("dong");

        assertThat(count("select count(*) from resident_version where resident_id = '" + resident + "'"))
                .isEqualTo(2);
        assertThat(text("select income_tier from resident where id = '" + resident + "'"))
                .isEqualTo("GENERAL");
    }

    private WebTestClient.ResponseSpec change(UUID resident, IncomeTier tier, String ifMatch) {
        WebTestClient.RequestBodySpec put =
                careManager().put().uri("/api/v1/residents/{ref}", resident).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            put = put.header("If-Match", ifMatch);
        }
        return put.bodyValue(Map.of(
                        "address",
                        NEW_ADDRESS,
                        "dong",
                        "mangwon1",
                        "disabled",
                        false,
                        "incomeTier",
                        tier.name(),
                        "reason",
                        "차상위 결정 통지서 확인"))
                .exchange();
    }

    private WebTestClient.ResponseSpec submit(CareRequests request) {
        return careManager()
                .post()
                .uri("/api/v1/care-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request.json())
                .exchange();
    }

    private UUID residentOf(UUID careOrderId) {
        return db.sql("select resident_id from care_order where id = :id")
                .bind("id", careOrderId)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }

    private String text(String sql) {
        return db.sql(sql).map(row -> row.get(0, String.class)).one().block();
    }

    private static String uniqueName() {
        return "주민" + UUID.randomUUID().toString().substring(0, 8);
    }
}
