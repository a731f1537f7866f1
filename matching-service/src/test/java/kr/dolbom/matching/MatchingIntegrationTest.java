package kr.dolbom.matching;

import java.util.UUID;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;

/** The matching service on a real Kafka broker and a real PostgreSQL; one context for all its integration tests. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + MatchingApplication.CONFIG_NAME, "dolbom.demo-data=true"})
public abstract class MatchingIntegrationTest extends ServiceIntegrationTest {

    /** The members of every test district, answering offers over the REST API. */
    protected Members members() {
        return new Members(http, KAFKA);
    }

    /** The lines a provider holds now, over all its services: its capacity in use, offers open included. */
    protected int activeLines(String provider) {
        return db.sql("select sum(active_lines)::int from provider_service where provider_id = :id")
                .bind("id", provider)
                .map(row -> row.get(0, Integer.class))
                .one()
                .block();
    }

    /**
     * The line as if it had been matched {@code days} ago: a delivery is refused when dated more than a few days
     * before its line was assigned, and tests that report a week back stand for a line matched a week ago.
     */
    protected void assignedDaysAgo(UUID line, int days) {
        db.sql("update line_assignment set assigned_on = :day where line_id = :line")
                .bind(
                        "day",
                        java.time.LocalDate.now(PlatformAutoConfiguration.SEOUL).minusDays(days))
                .bind("line", line)
                .then()
                .block();
    }
}
