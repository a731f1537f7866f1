package kr.dolbom.matching;

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
}
