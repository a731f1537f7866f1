package kr.dolbom.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operators' Grafana dashboard: every panel's query is PromQL that Prometheus accepts (checked by promtool as a
 * recording rule, Grafana's variables given values), on the dashboard's own data source, and the chart's ConfigMap
 * carries the file as it is.
 */
class GrafanaDashboardsTest {

    private static final Path DASHBOARD = HelmChart.CHART.resolve("files/dashboards/dolbom-operations.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPanelQueriesValidPromqlOnTheDashboardsDataSource(@TempDir Path temp) throws Exception {
        JsonNode dashboard = JSON.readTree(DASHBOARD.toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
            assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            panel.path("targets")
                    .forEach(target -> expressions.add(target.path("expr").asText()));
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(14).allMatch(expr -> !expr.isBlank());

        assumeThat(Promtool.installed()).as(Promtool.MISSING).isTrue();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            String promql = expressions
                    .get(i)
                    .replace("$__rate_interval", "5m")
                    .replace("$service", ".*")
                    .replace("'", "''");
            rules.append("      - record: dashboard:panel")
                    .append(i)
                    .append("\n        expr: '")
                    .append(promql)
                    .append("'\n");
        }
        Path file = temp.resolve("dashboard-rules.yml");
        Files.writeString(file, rules);
        assertThat(Promtool.run("check", "rules", file.toString()))
                .contains("SUCCESS: " + expressions.size() + " rules found");
    }

    @Test
    void theChartCarriesTheDashboardForGrafanasSidecarWhenAskedTo() throws IOException {
        Manifests manifests = HelmChart.render(
                List.of(HelmChart.DEFAULT_VALUES), Map.of("metrics.grafanaDashboards.enabled", "true"));

        ConfigMap dashboards = manifests.all(ConfigMap.class).stream()
                .filter(map -> map.getMetadata().getName().endsWith("-dashboards"))
                .findFirst()
                .orElseThrow();
        assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(JSON.readTree(dashboards.getData().get("dolbom-operations.json")))
                .isEqualTo(JSON.readTree(DASHBOARD.toFile()));
        assertThat(HelmChart.render(HelmChart.DEFAULT_VALUES).all(ConfigMap.class))
                .as("off by default: it needs Grafana's sidecar")
                .noneMatch(map -> map.getMetadata().getName().endsWith("-dashboards"));
    }
}
