package kr.dolbom.intake;

import kr.dolbom.testsupport.ServiceIntegrationTest;
import kr.dolbom.testsupport.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The intake service on a real Kafka broker and a real PostgreSQL (embedded unless configured otherwise),
 * one application context for all integration tests of the module.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + IntakeApplication.CONFIG_NAME, "dolbom.demo-data=true"})
public abstract class IntakeIntegrationTest extends ServiceIntegrationTest {

    /** A care manager of the demo district, who may do everything a test of intake's flows needs. */
    protected WebTestClient careManager() {
        return as(TestTokens.careManager("mapo"));
    }

    protected WebTestClient operator() {
        return as(TestTokens.operator());
    }
}
