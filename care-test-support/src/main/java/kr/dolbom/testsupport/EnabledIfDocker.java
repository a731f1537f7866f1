package kr.dolbom.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a Testcontainers variant only where a Docker engine answers, and says why it was skipped otherwise.
 * The embedded variant of the same scenario runs everywhere.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfDocker.DockerCondition.class)
public @interface EnabledIfDocker {

    final class DockerCondition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return ContainerInfrastructure.dockerAvailable()
                    ? ConditionEvaluationResult.enabled("Docker is available")
                    : ConditionEvaluationResult.disabled("Docker is not available on this machine: the "
                            + "Testcontainers variant is skipped; the embedded Kafka/PostgreSQL variant covers it");
        }
    }
}
