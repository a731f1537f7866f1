package kr.dolbom.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform's alert rules: valid PromQL, each alert raised by the series that should raise it and by no other
 * ({@code promtool test rules}, Debian's prometheus package, which .ci/run installs), and the PrometheusRule the chart
 * renders carries exactly these rules.
 */
class AlertRulesTest {

    private static final Path RULES = HelmChart.CHART.resolve("files/alerts.yml");
    private static final Path TESTS =
            Path.of("src/test/resources/alerts.test.yml").toAbsolutePath();
    private static final ObjectMapper YAML = new YAMLMapper();

    @Test
    void promtoolChecksTheRulesAndTheirUnitTestsPass() throws Exception {
        assumeThat(Promtool.installed()).as(Promtool.MISSING).isTrue();

        assertThat(Promtool.run("check", "rules", RULES.toString())).contains("SUCCESS: 9 rules found");
        assertThat(Promtool.run("test", "rules", TESTS.toString())).contains("SUCCESS");
    }

    @Test
    void theChartsPrometheusRuleCarriesTheseRules() throws IOException {
        Manifests manifests =
                HelmChart.render(List.of(HelmChart.DEFAULT_VALUES), Map.of("metrics.prometheusRule.enabled", "true"));

        List<Structure> rules = manifests.all(Manifests.PROMETHEUS_RULE);
        assertThat(rules).hasSize(1);
        Object rendered = rules.get(0).at("spec.groups");
        Object expected = YAML.readValue(RULES.toFile(), Map.class).get("groups");
        JsonNode renderedGroups = YAML.valueToTree(rendered);
        JsonNode expectedGroups = YAML.valueToTree(expected);
        assertThat(renderedGroups).isEqualTo(expectedGroups);
        assertThat(HelmChart.render(HelmChart.DEFAULT_VALUES).all(Manifests.PROMETHEUS_RULE))
                .as("off by default: it needs the Prometheus Operator")
                .isEmpty();
    }
}
