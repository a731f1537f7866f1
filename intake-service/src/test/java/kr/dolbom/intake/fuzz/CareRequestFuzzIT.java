package kr.dolbom.intake.fuzz;

import java.util.UUID;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.CareRequests;
import kr.dolbom.testsupport.HostileJson;
import kr.dolbom.testsupport.HostileTraffic;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever body arrives at {@code POST /api/v1/care-requests}, the answer is no server error, a
 * refusal is problem+json, and a refused request leaves no trace. jqwik has no Spring Boot 4 integration
 * (jqwik-spring 0.12 is built on jqwik 1.8 and Boot 3), so its generators feed a plain test on the running
 * service.
 */
class CareRequestFuzzIT extends IntakeIntegrationTest {

    private static final int CASES = 200;
    private static final String COUNTS = """
            select (select count(*) from care_order) || '/' || (select count(*) from resident) || '/'
            || (select count(*) from resident_version) || '/' || (select count(*) from outbox_event)
            || '/' || (select count(*) from idempotency_key)""";

    @Test
    void noBodyGetsAServerErrorAndARefusedOneStoresNothing() {
        // A resident of its own: a mutation that happens to be valid must not change anyone another test uses.
        String valid = CareRequests.senior()
                .named("퍼즈" + UUID.randomUUID().toString().substring(0, 8))
                .homeCare(2, 90)
                .meals(5)
                .json();
        HostileTraffic.post(
                careManager(), "/api/v1/care-requests", HostileJson.bodiesLike(valid), CASES, 201, this::counts);
    }

    private String counts() {
        return db.sql(COUNTS).map(row -> row.get(0, String.class)).one().block();
    }
}
