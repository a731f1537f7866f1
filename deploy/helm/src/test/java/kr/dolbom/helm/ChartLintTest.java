package kr.dolbom.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartLintTest {

    @Test
    void lintsCleanInStrictModeWithTheValuesItCannotGuess(@TempDir Path work) {
        LintResult lint = HelmChart.lintWith(HelmChart.DEFAULT_VALUES, work);

        assertThat(lint.isFailed())
                .as("helm lint --strict: %s", lint.getMessages())
                .isFalse();
    }

    @Test
    void lintsTheChartAsShipped() {
        // values.yaml alone has no issuer, so the templates stop at their first `fail` (Helm's lint logs it as INFO
        // and passes): this checks Chart.yaml, values.yaml against values.schema.json and the template syntax;
        // the lint above renders everything. BrokenValuesTest shows the refusal itself.
        LintResult lint = HelmChart.lint();

        assertThat(lint.isFailed())
                .as("helm lint --strict: %s", lint.getMessages())
                .isFalse();
    }
}
