package kr.dolbom.matching.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** 명부 관리: the window registers members and moves their zones over REST, and every change is kept with its author. */
class RegistryIT extends MatchingIntegrationTest {

    private static final String OTHER_DONG = "dong-2";
    private static final String OTHER_ZONE = "zone-2";

    private final LocalDate today = LocalDate.now(PlatformAutoConfiguration.SEOUL);

    @Test
    void aMemberRegisteredOverRestIsOfferedTheLinesOfItsZonesAndItsHistoryTellsWhoChangedWhat() {
        TestDistrict district = districtOfTwoZones();
        district.publicCentre();
        String kitchen = district.name() + "-kitchen";

        window(district)
                .post()
                .uri("/api/v1/providers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(registration(district, kitchen))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals("Location", "/api/v1/providers/" + kitchen)
                .expectBody()
                .jsonPath("$.zones")
                .isEqualTo(List.of(TestDistrict.ZONE))
                .jsonPath("$.leadOf")
                .isEqualTo(List.of(TestDistrict.ZONE))
                .jsonPath("$.services[0].capacity")
                .isEqualTo(5)
                .jsonPath("$.services[0].activeLines")
                .isEqualTo(0);
        EventEnvelope order = district.order().meals(10).placed();
        KAFKA.publish(order);
        assertThat(members().offers(order, 1).get(0).providerId()).isEqualTo(kitchen);

        window(district)
                .put()
                .uri("/api/v1/providers/{p}/zones", kitchen)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("zones", List.of(OTHER_ZONE), "reason", "권역 조정: 2권역 전담"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.zones")
                .isEqualTo(List.of(OTHER_ZONE))
                .jsonPath("$.leadOf")
                .isEmpty();
        EventEnvelope inTheZoneGivenUp = district.order().meals(10).placed();
        KAFKA.publish(inTheZoneGivenUp);
        assertThat(assignedTo(inTheZoneGivenUp))
                .as("no member serves the first zone any more: the public centre takes the line")
                .isEqualTo(district.name() + "-public");
        EventEnvelope inTheNewZone =
                district.orderFromDong(OTHER_DONG).meals(10).placed();
        KAFKA.publish(inTheNewZone);
        assertThat(members().offers(inTheNewZone, 1).get(0).providerId()).isEqualTo(kitchen);

        window(district)
                .put()
                .uri("/api/v1/providers/{p}/services/HOUSING_REPAIR", kitchen)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capacity", 2, "agreedShare", 1, "reason", "집수리 사업 추가"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.services[?(@.serviceType == 'HOUSING_REPAIR')].capacity")
                .isEqualTo(List.of(2));
        window(district)
                .post()
                .uri("/api/v1/providers/{p}/suspension", kitchen)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "위생 점검"))
                .exchange()
                .expectStatus()
                .isOk();
        window(district)
                .delete()
                .uri("/api/v1/providers/{p}/suspension?reason={r}", kitchen, "점검 완료")
                .exchange()
                .expectStatus()
                .isNoContent();

        window(district)
                .get()
                .uri("/api/v1/providers/{p}/history", kitchen)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].what")
                .isEqualTo(List.of(
                        "RESUMED",
                        "SUSPENDED",
                        "SERVICE_CHANGED",
                        "ZONES_CHANGED",
                        "REGISTERED",
                        "CONTRACT_CHANGED",
                        "SERVICE_CHANGED"))
                .jsonPath("$[*].reason")
                .isEqualTo(List.of(
                        "점검 완료", "위생 점검", "집수리 사업 추가", "권역 조정: 2권역 전담", "2027 컨소시엄 가입", "2027 컨소시엄 가입", "2027 컨소시엄 가입"))
                .jsonPath("$[?(@.by != 'window@%s')]".formatted(district.name()))
                .doesNotExist()
                .jsonPath("$[3].detail.zones")
                .isEqualTo(List.of(OTHER_ZONE))
                .jsonPath("$[5].detail.effectiveOn")
                .isEqualTo(today.minusDays(30).toString())
                .jsonPath("$[6].detail.capacity")
                .isEqualTo(5);
        as(TestTokens.provider(district.name(), kitchen))
                .get()
                .uri("/api/v1/providers/{p}/history", kitchen)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void aRegistrationTheRegistryCannotTakeIsRefusedByTheFieldAndWritesNothing() {
        TestDistrict district = districtOfTwoZones();
        String lead = district.lead("lead", kr.dolbom.events.ServiceType.MEAL_SUPPORT, 5, 0);
        String kitchen = district.name() + "-kitchen";

        refused(district, with(registration(district, lead), "leadOf", List.of()), 409, "id");
        refused(
                district,
                with(with(registration(district, kitchen), "leadOf", List.of()), "zones", List.of("zone-9")),
                422,
                "zones[0]");
        refused(district, registration(district, kitchen), 409, "leadOf[0]");
        refused(
                district,
                with(registration(district, kitchen), "services", List.of(meals(5), meals(7))),
                400,
                "services[1].serviceType");
        refused(
                district,
                with(
                        registration(district, kitchen),
                        "contractEndsOn",
                        today.minusDays(31).toString()),
                400,
                "contractEndsOn");
        window(district)
                .post()
                .uri("/api/v1/providers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(with(registration(district, kitchen), "kind", "PUBLIC_HOME_CARE_CENTRE"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        as(TestTokens.window("seodaemun"))
                .post()
                .uri("/api/v1/providers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(with(registration(district, kitchen), "leadOf", List.of()))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(count("select count(*) from provider where id = '" + kitchen + "'"))
                .isZero();
        assertThat(count("select count(*) from provider_zone where provider_id = '" + lead + "' and lead"))
                .as("the zone's lead is untouched")
                .isEqualTo(1);

        window(district)
                .put()
                .uri("/api/v1/providers/{p}/zones", district.publicCentre())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("zones", List.of(OTHER_ZONE), "reason", "x"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        window(district)
                .put()
                .uri("/api/v1/providers/{p}/zones", lead)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("zones", List.of(OTHER_ZONE), "leadOf", List.of(TestDistrict.ZONE), "reason", "x"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("leadOf[0]");
    }

    /** The test district with a second zone of one dong, which no member serves yet. */
    private TestDistrict districtOfTwoZones() {
        TestDistrict district = new TestDistrict(db);
        db.sql("insert into zone_dong (district, dong, zone) values (:district, :dong, :zone)")
                .bind("district", district.name())
                .bind("dong", OTHER_DONG)
                .bind("zone", OTHER_ZONE)
                .then()
                .block();
        return district;
    }

    private Map<String, Object> registration(TestDistrict district, String id) {
        return Map.of(
                "id", id,
                "name", "동네부엌 협동조합",
                "kind", "COOPERATIVE",
                "district", district.name(),
                "zones", List.of(TestDistrict.ZONE),
                "leadOf", List.of(TestDistrict.ZONE),
                "services", List.of(meals(5)),
                "contractStartsOn", today.minusDays(30).toString(),
                "reason", "2027 컨소시엄 가입");
    }

    private static Map<String, Object> meals(int capacity) {
        return Map.of("serviceType", "MEAL_SUPPORT", "capacity", capacity, "agreedShare", 1);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private void refused(TestDistrict district, Map<String, Object> body, int status, String field) {
        window(district)
                .post()
                .uri("/api/v1/providers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
    }

    private String assignedTo(EventEnvelope order) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () -> KAFKA.events(CareTopics.ASSIGNMENTS, order.subject(), LineAssigned.class),
                        assigned -> !assigned.isEmpty())
                .get(0)
                .providerId();
    }

    private WebTestClient window(TestDistrict district) {
        return as(TestTokens.window(district.name()));
    }
}
