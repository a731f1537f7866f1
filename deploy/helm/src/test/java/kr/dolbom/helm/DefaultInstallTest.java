package kr.dolbom.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The chart's defaults with only the values it cannot guess (ci/default-values.yaml): everything created here. */
class DefaultInstallTest {

    static final PlatformRules.Install INSTALL = new PlatformRules.Install("scram-sha-512", true, 12, 9093, 443);

    static Topology topology;
    static Manifests manifests;

    @BeforeAll
    static void render() {
        topology = Topology.fromSources();
        manifests = HelmChart.renderAndKeep("default", HelmChart.DEFAULT_VALUES);
    }

    @Test
    void rendersTheWholePlatformAndNothingThisBuildDoesNotCheck() {
        assertThat(manifests.census())
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("Deployment", 4L),
                        Map.entry("Service", 4L),
                        Map.entry("ServiceAccount", 4L),
                        Map.entry("PodDisruptionBudget", 4L),
                        Map.entry("NetworkPolicy", 4L),
                        Map.entry("HorizontalPodAutoscaler", 1L),
                        Map.entry("ScaledObject", 3L),
                        Map.entry("TriggerAuthentication", 3L),
                        Map.entry("Kafka", 1L),
                        Map.entry("KafkaNodePool", 1L),
                        Map.entry("KafkaTopic", 13L),
                        Map.entry("KafkaUser", 4L),
                        Map.entry("Cluster", 4L),
                        Map.entry("ObjectStore", 4L),
                        Map.entry("ScheduledBackup", 4L)));
    }

    @Test
    void everyContainerIsNonRootReadOnlyProbedAndLimited() {
        assertThat(PlatformRules.hardenedPods(manifests)).isEmpty();
    }

    @Test
    void noSecretIsRendered() {
        assertThat(manifests.all(Secret.class)).isEmpty();
        assertThat(PlatformRules.noSecretValues(manifests)).isEmpty();
    }

    @Test
    void eachServiceHasItsServiceBudgetAndNetworkPolicy() {
        assertThat(PlatformRules.companions(manifests, true)).isEmpty();
    }

    @Test
    void intakeScalesOnCpuAndTheConsumersOnTheirLag() {
        assertThat(PlatformRules.autoscaling(manifests, topology, INSTALL)).isEmpty();
    }

    @Test
    void networkPoliciesAllowOnlyTheRealFlows() {
        assertThat(PlatformRules.networkPolicies(manifests, INSTALL)).isEmpty();
    }

    @Test
    void kafkaUsersWriteOnlyTheStreamsTheirServiceOwns() {
        assertThat(PlatformRules.kafkaUsers(manifests, topology, INSTALL)).isEmpty();
    }

    @Test
    void topicsKeepTheStreamsForEverAndDeadLettersThirtyDays() {
        assertThat(PlatformRules.kafkaTopics(manifests, topology, INSTALL)).isEmpty();
    }

    @Test
    void kafkaIsAKraftClusterWithAuthenticatedTlsAndAcls() {
        assertThat(PlatformRules.kafkaCluster(manifests, INSTALL)).isEmpty();
    }

    @Test
    void eachServiceHasItsOwnBackedUpPostgresCluster() {
        assertThat(PlatformRules.postgres(manifests, "plugin")).isEmpty();
    }

    @Test
    void servicesAreConfiguredByEnvironmentAndSecretReferences() {
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String service = PlatformRules.service(deployment);
            Map<String, EnvVar> env = PlatformRules.env(deployment);
            String user = HelmChart.RELEASE + "-" + service;
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

            assertThat(container.getImage()).isEqualTo("ghcr.io/dolbom/" + service + ":0.1.0-SNAPSHOT");
            assertThat(value(env, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                    .isEqualTo("https://auth.seoul.example/realms/dolbom");
            assertThat(value(env, "SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                    .isEqualTo("dolbom-kafka-kafka-bootstrap.dolbom.svc:9093");
            assertThat(value(env, "DOLBOM_TOPICS_PARTITIONS")).isEqualTo("12");
            assertThat(value(env, "DOLBOM_TOPICS_REPLICATION_FACTOR")).isEqualTo("3");
            assertThat(value(env, "SPRING_KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
            assertThat(value(env, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
            assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")
                            .getValueFrom()
                            .getSecretKeyRef())
                    .satisfies(ref -> {
                        assertThat(ref.getName()).isEqualTo(user);
                        assertThat(ref.getKey()).isEqualTo("sasl.jaas.config");
                    });
            assertThat(value(env, "KAFKA_USERNAME")).isEqualTo(user);
            assertThat(manifests.one(KafkaUser.class, user).getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/name", service);
            assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                    .filteredOn(volume -> volume.getName().equals("kafka-ca"))
                    .singleElement()
                    .satisfies(volume ->
                            assertThat(volume.getSecret().getSecretName()).isEqualTo("dolbom-kafka-cluster-ca-cert"));
            assertThat(container.getResources().getRequests())
                    .containsEntry("cpu", new Quantity("250m"))
                    .containsEntry("memory", new Quantity("384Mi"));
            assertThat(container.getResources().getLimits())
                    .containsEntry("cpu", new Quantity("1"))
                    .containsEntry("memory", new Quantity("512Mi"));
            assertThat(deployment.getSpec().getReplicas())
                    .as("the autoscaler owns the count")
                    .isNull();
        }
    }

    @Test
    void theInTreeBarmanObjectStoreIsTheOtherBackupMethod() {
        Manifests barman = HelmChart.render(
                List.of(HelmChart.DEFAULT_VALUES), Map.of("postgres.backup.method", "barmanObjectStore"));

        assertThat(PlatformRules.postgres(barman, "barmanObjectStore")).isEmpty();
        assertThat(barman.all(Manifests.BARMAN_OBJECT_STORE)).isEmpty();
    }

    @Test
    void mutualTlsWithTheChartsOwnCluster() {
        Manifests tls = HelmChart.render(List.of(HelmChart.DEFAULT_VALUES), Map.of("kafka.auth.type", "tls"));
        PlatformRules.Install install = new PlatformRules.Install("tls", true, 12, 9093, 443);

        assertThat(PlatformRules.hardenedPods(tls)).isEmpty();
        assertThat(PlatformRules.kafkaUsers(tls, topology, install)).isEmpty();
        assertThat(PlatformRules.kafkaCluster(tls, install)).isEmpty();
        assertThat(PlatformRules.autoscaling(tls, topology, install)).isEmpty();
        for (Structure authentication : tls.all(Manifests.KEDA_TRIGGER_AUTHENTICATION)) {
            assertThat(authentication.at("spec.secretTargetRef").toString())
                    .contains("parameter=cert", "parameter=key");
        }
    }

    @Test
    void withoutKedaEveryServiceScalesOnCpu() {
        Manifests cpu = HelmChart.render(List.of(HelmChart.DEFAULT_VALUES), Map.of("keda.enabled", false));
        PlatformRules.Install install = new PlatformRules.Install("scram-sha-512", false, 12, 9093, 443);

        assertThat(PlatformRules.autoscaling(cpu, topology, install)).isEmpty();
        assertThat(cpu.census()).containsEntry("HorizontalPodAutoscaler", 4L).doesNotContainKey("ScaledObject");
    }

    private static String value(Map<String, EnvVar> env, String name) {
        assertThat(env).containsKey(name);
        return env.get(name).getValue();
    }
}
