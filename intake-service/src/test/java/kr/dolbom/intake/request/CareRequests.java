package kr.dolbom.intake.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Care requests as a dong centre would send them, built up in domain words; {@link #json()} is the body.
 * Fields can be bent or removed to make bad requests.
 */
public final class CareRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> resident = new LinkedHashMap<>();
    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> services = new ArrayList<>();

    private CareRequests(LocalDate birthDate) {
        resident.put("name", "김순자");
        resident.put("birthDate", birthDate.toString());
        resident.put("phone", "010-2345-6789");
        resident.put("address", "서울특별시 마포구 망원로 12, 101호");
        resident.put("dong", "mangwon1");
        resident.put("disabled", false);
        resident.put("incomeTier", "BASIC_LIVELIHOOD");
        body.put("resident", resident);
        body.put("district", "mapo");
        body.put("channel", "HOSPITAL_REFERRAL");
        body.put("referrer", "마포 OO병원 지역연계실");
        body.put("urgent", false);
        body.put("services", services);
    }

    /** A resident of the given age today, so that eligibility follows from the age alone. */
    public static CareRequests residentAged(int years) {
        return new CareRequests(LocalDate.now().minusYears(years).minusDays(10));
    }

    public static CareRequests senior() {
        return residentAged(78);
    }

    public CareRequests named(String name) {
        resident.put("name", name);
        return this;
    }

    /**
     * A resident of the request's own: {@code name} and a suffix no other request has. A resident has one open
     * order per service, so a helper that places an order each time it is called needs a new resident each time.
     */
    public CareRequests namedUniquely(String name) {
        return named(name + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public CareRequests phone(String phone) {
        resident.put("phone", phone);
        return this;
    }

    public CareRequests incomeTier(String tier) {
        resident.put("incomeTier", tier);
        return this;
    }

    public CareRequests inDong(String dong) {
        resident.put("dong", dong);
        return this;
    }

    public CareRequests urgent() {
        body.put("urgent", true);
        return this;
    }

    /** 일시재가: {@code visits} visits of {@code minutes} each, this month. */
    public CareRequests homeCare(int visits, int minutes) {
        return service("TEMPORARY_HOME_CARE", visits, minutes);
    }

    public CareRequests mobility(int trips, int minutes) {
        return service("MOBILITY_SUPPORT", trips, minutes);
    }

    public CareRequests meals(int meals) {
        return service("MEAL_SUPPORT", meals, null);
    }

    public CareRequests repairs(int jobs) {
        return service("HOUSING_REPAIR", jobs, null);
    }

    private CareRequests service(String type, int quantity, Integer minutes) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("type", type);
        service.put("quantity", quantity);
        if (minutes != null) {
            service.put("minutesPerVisit", minutes);
        }
        service.put("from", LocalDate.now().toString());
        service.put("to", LocalDate.now().plusDays(30).toString());
        services.add(service);
        return this;
    }

    /** Sets (or, with null, removes) a field by its path: {@code resident.dong}, {@code services[0].type}. */
    public CareRequests with(String path, Object value) {
        Map<String, Object> target = body;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            target = child(target, steps[i]);
        }
        String last = steps[steps.length - 1];
        if (value == null) {
            target.remove(last);
        } else {
            target.put(last, value);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String step) {
        int bracket = step.indexOf('[');
        if (bracket < 0) {
            return (Map<String, Object>) parent.get(step);
        }
        List<Map<String, Object>> list = (List<Map<String, Object>>) parent.get(step.substring(0, bracket));
        return list.get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
    }

    public String json() {
        return JSON.writeValueAsString(body);
    }

    /** Submits the request and expects it to be taken (placed or rejected). */
    public IntakeAnswer submitTo(WebTestClient http) {
        return http.post()
                .uri("/api/v1/care-requests")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(IntakeAnswer.class)
                .returnResult()
                .getResponseBody();
    }
}
