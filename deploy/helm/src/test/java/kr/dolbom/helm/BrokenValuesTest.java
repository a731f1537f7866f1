package kr.dolbom.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A values change that would break a manifest fails the build. Three nets, in the order they catch: the values
 * schema (values.schema.json: types, bounds, no unknown key) and the chart's own checks stop `helm template`; the
 * strict typed parse stops what reaches a manifest through a pass-through block (a wrong type, an unknown field); the
 * platform rules stop a manifest that is valid but unsafe.
 */
class BrokenValuesTest {

    @Test
    void aStringWhereANumberGoesStopsTheRendering() {
        assertThatThrownBy(() -> template(Map.of("kafka.topics.partitions", "twelve")))
                .hasMessageContaining("partitions")
                .hasMessageContaining("integer");
    }

    @Test
    void aMisspelledValueStopsTheRendering() {
        assertThatThrownBy(() -> template(Map.of("kafka.creat", false))).hasMessageContaining("creat");
    }

    @Test
    void fewerThanTwoReplicasStopsTheRendering() {
        assertThatThrownBy(() -> template(Map.of("services.intake.autoscaling.minReplicas", 1)))
                .hasMessageContaining("minReplicas");
    }

    @Test
    void aMalformedQuantityStopsTheRendering() {
        assertThatThrownBy(() -> template(Map.of("resources.limits.memory", "512Mx")))
                .hasMessageContaining("memory");
    }

    @Test
    void moreConsumersThanPartitionsStopsTheRendering() {
        assertThatThrownBy(() -> template(Map.of("services.reporting.autoscaling.maxReplicas", 13)))
                .hasMessageContaining("maxReplicas (13) is above kafka.topics.partitions (12)");
    }

    @Test
    void anExistingDatabaseWithoutItsSecretStopsTheRendering() {
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("postgres.create", false);
        sets.put("postgres.existing.intake.host", "pg.example");
        assertThatThrownBy(() -> template(sets)).hasMessageContaining("secretName");
    }

    @Test
    void aWrongTypeInAPassThroughBlockFailsTheTypedParse() {
        // the schema only asks extraEnv items for a name; the Deployment model knows optional is a boolean
        Map<String, Object> sets = new LinkedHashMap<>();
        sets.put("services.billing.extraEnv[0].name", "DOLBOM_EXTRA");
        sets.put("services.billing.extraEnv[0].valueFrom.secretKeyRef.name", "extra");
        sets.put("services.billing.extraEnv[0].valueFrom.secretKeyRef.key", "value");
        sets.put("services.billing.extraEnv[0].valueFrom.secretKeyRef.optional", "sometimes");
        String rendered = template(sets);

        assertThatThrownBy(() -> Manifests.parse(rendered))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Deployment dolbom-billing-service: does not parse as Deployment");
    }

    @Test
    void anUnknownFieldInAPassThroughBlockFailsTheTypedParse() {
        String rendered = template(Map.of("containerSecurityContext.readOnlyRootFilesytem", true));

        assertThatThrownBy(() -> Manifests.parse(rendered))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unknown field(s) [readOnlyRootFilesytem]");
    }

    @Test
    void aLabelTheChartAlreadySetsFailsTheParse() {
        // renders, but every object then has the key twice: kubectl and the API server refuse such YAML
        String rendered = template(Map.of("commonLabels.app\\.kubernetes\\.io/part-of", "city"));

        assertThatThrownBy(() -> Manifests.parse(rendered))
                .hasMessageContaining("Duplicate field 'app.kubernetes.io/part-of'");
    }

    @Test
    void aValidButUnsafeValueFailsThePlatformRules() {
        // (a false for one of the chart's hardening switches loses to the chart's true; a uid is the user's to set)
        Manifests root = Manifests.parse(template(Map.of("containerSecurityContext.runAsUser", 0)));

        assertThat(PlatformRules.hardenedPods(root))
                .hasSize(4)
                .allSatisfy(problem -> assertThat(problem).endsWith(": runs as uid 0"));
    }

    @Test
    void withoutTheIssuerNothingRenders() {
        assertThatThrownBy(() -> HelmChart.template(List.of(), Map.of()))
                .hasMessageContaining("oidc.issuerUri is required");
    }

    private static String template(Map<String, Object> sets) {
        return HelmChart.template(List.of(HelmChart.DEFAULT_VALUES), sets);
    }
}
