package kr.dolbom.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checks are not vacuous: each one, given the default rendering with one manifest edited the way a careless
 * change to a template would, reports it.
 */
class RulesBiteTest {

    static String rendered;
    static Topology topology;

    @BeforeAll
    static void render() {
        rendered = HelmChart.template(List.of(HelmChart.DEFAULT_VALUES), Map.of());
        topology = Topology.fromSources();
    }

    @Test
    void aServiceThatMayWriteAStreamItDoesNotOwn() {
        String edited = editDocument(
                "kind: KafkaUser",
                "name: dolbom-reporting-service",
                document ->
                        document.replaceFirst("operations: \\[Read, Describe]", "operations: [Read, Write, Describe]"));

        assertThat(PlatformRules.kafkaUsers(Manifests.parse(edited), topology, DefaultInstallTest.INSTALL))
                .singleElement()
                .asString()
                .contains("(reporting-service): writes [", " care.orders.v1, ");
    }

    @Test
    void anEgressRuleOpenToTheInternet() {
        String edited = rendered.replaceFirst("cidr: 203\\.0\\.113\\.10/32", "cidr: 0.0.0.0/0");

        assertThat(PlatformRules.networkPolicies(Manifests.parse(edited), DefaultInstallTest.INSTALL))
                .singleElement()
                .asString()
                .contains("is the whole internet");
    }

    @Test
    void aSecretWithAValue() {
        String edited = rendered
                + "\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\nstringData:\n  password: x\n";

        assertThat(PlatformRules.noSecretValues(Manifests.parse(edited)))
                .containsExactly("Secret leaked holds literal data");
    }

    @Test
    void aSingleReplica() {
        String edited = editDocument(
                "kind: HorizontalPodAutoscaler",
                "name: dolbom-intake-service",
                document -> document.replace("minReplicas: 2", "minReplicas: 1"));

        assertThat(PlatformRules.autoscaling(Manifests.parse(edited), topology, DefaultInstallTest.INSTALL))
                .singleElement()
                .asString()
                .contains("minReplicas must be at least 2, is 1");
    }

    @Test
    void aProbeOnAProtectedEndpoint() {
        String edited = editDocument(
                "kind: Deployment",
                "name: dolbom-billing-service",
                document -> document.replace("path: /actuator/health/readiness", "path: /actuator/health"));

        assertThat(PlatformRules.hardenedPods(Manifests.parse(edited)))
                .singleElement()
                .asString()
                .contains("readinessProbe must GET /actuator/health/readiness");
    }

    @Test
    void aMisspelledFieldOfACustomResourceWithoutAModel() {
        String edited = editDocument(
                "kind: Cluster",
                "name: dolbom-intake-db",
                document -> document.replace("  instances: 2", "  instance: 2"));

        assertThatThrownBy(() -> Manifests.parse(edited))
                .hasMessageContaining("Cluster dolbom-intake-db: spec: unknown field(s) [instance]")
                .hasMessageContaining("spec.instances: an integer is required");
    }

    @Test
    void aKindNobodyChecks() {
        String edited = rendered + "\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: x\n";

        assertThatThrownBy(() -> Manifests.parse(edited)).hasMessageContaining("a kind this build does not check");
    }

    @Test
    void aKeyTwiceInOneObject() {
        String edited = editDocument(
                "kind: Service",
                "name: dolbom-intake-service",
                document -> document.replace("  type: ClusterIP", "  type: ClusterIP\n  type: NodePort"));

        assertThatThrownBy(() -> Manifests.parse(edited)).hasMessageContaining("Duplicate field 'type'");
    }

    /** The rendering with the one document that contains both markers changed. */
    private static String editDocument(String kind, String name, java.util.function.UnaryOperator<String> edit) {
        List<String> documents = Arrays.asList(rendered.split("\n---\n"));
        List<String> matching = documents.stream()
                .filter(d -> d.contains("\n" + kind + "\n") && d.contains("\n  " + name + "\n"))
                .toList();
        assertThat(matching).as(kind + " " + name).hasSize(1);
        String edited = edit.apply(matching.get(0));
        assertThat(edited).as("the edit changed " + kind + " " + name).isNotEqualTo(matching.get(0));
        return documents.stream().map(d -> d == matching.get(0) ? edited : d).collect(Collectors.joining("\n---\n"));
    }
}
