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
}
