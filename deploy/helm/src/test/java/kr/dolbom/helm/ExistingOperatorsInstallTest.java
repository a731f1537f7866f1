package kr.dolbom.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * values-existing-operators.yaml: every create toggle off, the city's Kafka with mutual TLS, existing PostgreSQL
 * servers, no KEDA, ServiceMonitors: the release renders only the services and what guards them.
 */
class ExistingOperatorsInstallTest {

    static final PlatformRules.Install INSTALL = new PlatformRules.Install("tls", false, 24, 9093, 8443);

    static Topology topology;
    static Manifests manifests;

    @BeforeAll
    static void render() {
        topology = Topology.fromSources();
        manifests = HelmChart.renderAndKeep("existing-operators", HelmChart.EXISTING_OPERATORS);
    }

    @Test
    void createsNoOperatorResource() {
        assertThat(manifests.census())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Deployment", 4L,
                        "Service", 4L,
                        "ServiceAccount", 4L,
                        "PodDisruptionBudget", 4L,
                        "NetworkPolicy", 4L,
                        "HorizontalPodAutoscaler", 4L,
                        "ServiceMonitor", 4L));
    }

    @Test
    void theSameRulesHold() {
        assertThat(PlatformRules.hardenedPods(manifests)).isEmpty();
        assertThat(PlatformRules.noSecretValues(manifests)).isEmpty();
        assertThat(PlatformRules.companions(manifests, true)).isEmpty();
        assertThat(PlatformRules.autoscaling(manifests, topology, INSTALL)).isEmpty();
        assertThat(PlatformRules.networkPolicies(manifests, INSTALL)).isEmpty();
    }

    @Test
    void kafkaClientsAuthenticateWithTheirCertificate() {
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String service = PlatformRules.service(deployment);
            String secret = "dolbom-" + service.replace("-service", "") + "-kafka";
            Map<String, EnvVar> env = PlatformRules.env(deployment);

            assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").getValue())
                    .isEqualTo("city-kafka-kafka-bootstrap.kafka.svc:9093");
            assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL").getValue()).isEqualTo("SSL");
            assertThat(env.get("SPRING_KAFKA_SSL_KEY_STORE_TYPE").getValue()).isEqualTo("PKCS12");
            assertThat(env.get("SPRING_KAFKA_SSL_KEY_STORE_LOCATION").getValue())
                    .isEqualTo("file:/etc/dolbom/kafka/user/user.p12");
            assertThat(env.get("SPRING_KAFKA_SSL_KEY_STORE_PASSWORD")
                            .getValueFrom()
                            .getSecretKeyRef()
                            .getName())
                    .isEqualTo(secret);
            assertThat(env)
                    .doesNotContainKeys(
                            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM");
            assertThat(env.get("DOLBOM_TOPICS_PARTITIONS").getValue()).isEqualTo("24");
            Map<String, Volume> volumes = new java.util.HashMap<>();
            deployment.getSpec().getTemplate().getSpec().getVolumes().forEach(v -> volumes.put(v.getName(), v));
            assertThat(volumes.get("kafka-user").getSecret().getSecretName()).isEqualTo(secret);
            assertThat(volumes.get("kafka-ca").getSecret().getSecretName()).isEqualTo("city-kafka-cluster-ca-cert");
            assertThat(deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("registry.city.example/dolbom/" + service + ":0.1.0");
        }
    }

    @Test
    void servicesUseTheExistingDatabasesAndTheirSecrets() {
        Map<String, EnvVar> reporting = PlatformRules.env(manifests.one(Deployment.class, "dolbom-reporting-service"));
        assertThat(reporting.get("DOLBOM_DB_HOST").getValue()).isEqualTo("reporting-pg-rw.databases.svc");
        assertThat(reporting.get("DOLBOM_DB_PORT").getValue()).isEqualTo("5432");
        assertThat(reporting.get("SPRING_R2DBC_USERNAME").getValueFrom().getSecretKeyRef())
                .satisfies(ref -> {
                    assertThat(ref.getName()).isEqualTo("dolbom-reporting-db");
                    assertThat(ref.getKey()).isEqualTo("user");
                });
        Map<String, EnvVar> billing = PlatformRules.env(manifests.one(Deployment.class, "dolbom-billing-service"));
        assertThat(billing.get("DOLBOM_BILLING_UNITPRICES_0_PRICE").getValue()).isEqualTo("8000");
    }

    @Test
    void prometheusScrapesWithAnOperatorTokenFromASecret() {
        for (Structure monitor : manifests.all(Manifests.SERVICE_MONITOR)) {
            assertThat(monitor.at("spec.endpoints[0].path")).isEqualTo("/actuator/prometheus");
            assertThat(monitor.at("spec.endpoints[0].oauth2.clientSecret.name")).isEqualTo("dolbom-prometheus-client");
        }
    }
}
