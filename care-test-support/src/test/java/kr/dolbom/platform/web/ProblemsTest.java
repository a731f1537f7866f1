package kr.dolbom.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void aConflictOfFieldsNamesThemAndCarriesItsPropertiesAsMembersOfTheProblem() {
        UUID existing = UUID.randomUUID();
        RuleViolation conflict = RuleViolation.conflict(
                        List.of(new Violation("services[1].type", "order " + existing + " is open")))
                .with("existingOrderId", existing);

        ProblemDetail problem = Problems.of(conflict);

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isEqualTo("services[1].type: order " + existing + " is open");
        assertThat(problem.getProperties())
                .containsEntry("existingOrderId", existing)
                .containsEntry(
                        "errors",
                        List.of(Map.of("field", "services[1].type", "message", "order " + existing + " is open")));
    }

    @Test
    void aPropertyAddsToTheViolationAndReplacesNoMemberOfTheProblem() {
        RuleViolation plain = RuleViolation.conflict("twice");
        RuleViolation more = plain.with("a", 1).with("b", "two");

        assertThat(plain.properties()).isEmpty();
        assertThat(more.properties()).containsExactly(Map.entry("a", 1), Map.entry("b", "two"));
        assertThat(more.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
        assertThat(more.getMessage()).isEqualTo("twice");
        assertThat(Problems.of(more).getProperties()).containsEntry("a", 1).containsEntry("b", "two");
        assertThat(Problems.of(plain).getProperties()).isNull();
        assertThatThrownBy(() -> plain.with("errors", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plain.with("status", 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RuleViolation.conflict(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
