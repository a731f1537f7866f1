package kr.dolbom.intake;

import kr.dolbom.testsupport.ServiceIntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The intake service on a real Kafka broker and a real PostgreSQL (embedded unless configured otherwise),
 * one application context for all integration tests of the module.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=" + IntakeApplication.CONFIG_NAME, "dolbom.demo-data=true"})
public abstract class IntakeIntegrationTest extends ServiceIntegrationTest {}
