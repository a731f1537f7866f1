package kr.dolbom.helm;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The documents of one `helm template`, each parsed as the API server would take it.
 *
 * <p>Core kinds and Strimzi's are read into their typed models (fabric8, Strimzi api) by a mapper that coerces
 * nothing (a quoted number is not an integer, a number is not a string, "yes" is not a boolean: the API server
 * refuses all three), and a field the model does not know, which the models keep aside in additionalProperties, is
 * a failure too ({@link UnknownFields}). CloudNativePG, KEDA and Prometheus Operator resources have no model here:
 * they are checked structurally ({@link Structure}): apiVersion and kind, the fields they need, their spec's keys.
 * Any other kind fails: the chart renders nothing this build does not check.
 */
final class Manifests {

    record Kind(String apiVersion, String kind) {
        @Override
        public String toString() {
            return apiVersion + "/" + kind;
        }
    }

    static final Map<Kind, Class<? extends HasMetadata>> TYPED = Map.ofEntries(
            Map.entry(new Kind("apps/v1", "Deployment"), Deployment.class),
            Map.entry(new Kind("v1", "Service"), Service.class),
            Map.entry(new Kind("v1", "ServiceAccount"), ServiceAccount.class),
            Map.entry(new Kind("v1", "Secret"), Secret.class),
            Map.entry(new Kind("v1", "ConfigMap"), ConfigMap.class),
            Map.entry(new Kind("networking.k8s.io/v1", "NetworkPolicy"), NetworkPolicy.class),
            Map.entry(new Kind("policy/v1", "PodDisruptionBudget"), PodDisruptionBudget.class),
            Map.entry(new Kind("autoscaling/v2", "HorizontalPodAutoscaler"), HorizontalPodAutoscaler.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "Kafka"), Kafka.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "KafkaNodePool"), KafkaNodePool.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "KafkaTopic"), KafkaTopic.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "KafkaUser"), KafkaUser.class));

    static final Kind CNPG_CLUSTER = new Kind("postgresql.cnpg.io/v1", "Cluster");
    static final Kind CNPG_SCHEDULED_BACKUP = new Kind("postgresql.cnpg.io/v1", "ScheduledBackup");
    static final Kind BARMAN_OBJECT_STORE = new Kind("barmancloud.cnpg.io/v1", "ObjectStore");
    static final Kind KEDA_SCALED_OBJECT = new Kind("keda.sh/v1alpha1", "ScaledObject");
    static final Kind KEDA_TRIGGER_AUTHENTICATION = new Kind("keda.sh/v1alpha1", "TriggerAuthentication");
    static final Kind SERVICE_MONITOR = new Kind("monitoring.coreos.com/v1", "ServiceMonitor");
    static final Kind PROMETHEUS_RULE = new Kind("monitoring.coreos.com/v1", "PrometheusRule");

    /** Checked structurally only: no Java model of these CRDs is used. */
    static final Map<Kind, Function<Structure, Structure>> STRUCTURAL = Map.of(
            CNPG_CLUSTER, Structure::cnpgCluster,
            CNPG_SCHEDULED_BACKUP, Structure::cnpgScheduledBackup,
            BARMAN_OBJECT_STORE, Structure::barmanObjectStore,
            KEDA_SCALED_OBJECT, Structure::kedaScaledObject,
            KEDA_TRIGGER_AUTHENTICATION, Structure::kedaTriggerAuthentication,
            SERVICE_MONITOR, Structure::serviceMonitor,
            PROMETHEUS_RULE, Structure::prometheusRule);

    /** The strict mapper: fabric8's modules on a Jackson that converts no scalar into another type. */
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(
            JsonMapper.builder()
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                    .build(),
            false);

    /** A key twice in one object is an error to kubectl and the API server (YAML allows no duplicate keys). */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<HasMetadata> typed;
    private final List<Structure> structural;

    private Manifests(List<HasMetadata> typed, List<Structure> structural) {
        this.typed = typed;
        this.structural = structural;
    }

    /** Parses every document; throws an {@link AssertionError} naming each document that is not what its kind needs. */
    static Manifests parse(String rendered) {
        List<HasMetadata> typed = new ArrayList<>();
        List<Structure> structural = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> document : documents(rendered)) {
            Kind kind = new Kind(String.valueOf(document.get("apiVersion")), String.valueOf(document.get("kind")));
            String where = kind + " " + name(document);
            Class<? extends HasMetadata> type = TYPED.get(kind);
            if (type != null) {
                try {
                    HasMetadata resource = SERIALIZATION.convertValue(document, type);
                    problems.addAll(UnknownFields.of(resource, where));
                    typed.add(resource);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": does not parse as " + type.getSimpleName() + ": " + rootMessage(e));
                }
            } else if (STRUCTURAL.containsKey(kind)) {
                Structure structure = STRUCTURAL.get(kind).apply(new Structure(kind, document));
                problems.addAll(structure.problems());
                structural.add(structure);
            } else {
                problems.add(where + ": a kind this build does not check");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("rendered manifests are not valid:\n- " + String.join("\n- ", problems));
        }
        return new Manifests(typed, structural);
    }

    private static List<Map<String, Object>> documents(String rendered) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (MappingIterator<Object> iterator = YAML.readerFor(Object.class).readValues(rendered)) {
            while (iterator.hasNext()) {
                Object document = iterator.next();
                if (document == null) {
                    continue;
                }
                if (!(document instanceof Map<?, ?> map)) {
                    throw new AssertionError("a rendered document is not an object: " + document);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                documents.add(object);
            }
        } catch (IOException e) {
            throw new AssertionError("rendered manifests are not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    private static String name(Map<String, Object> document) {
        return document.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "?";
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = all(type).stream()
                .filter(resource -> name.equals(resource.getMetadata().getName()))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + " " + name + ", found " + found.size()
                    + " among " + names(type));
        }
        return found.get(0);
    }

    Set<String> names(Class<? extends HasMetadata> type) {
        return all(type).stream()
                .map(r -> r.getMetadata().getName())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    List<Structure> all(Kind kind) {
        return structural.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    Structure one(Kind kind, String name) {
        List<Structure> found =
                all(kind).stream().filter(s -> name.equals(s.name())).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    /** Every kind rendered, with how many of it. */
    Map<String, Long> census() {
        Map<String, Long> census = new java.util.TreeMap<>();
        typed.forEach(r -> census.merge(r.getKind(), 1L, Long::sum));
        structural.forEach(s -> census.merge(s.kind().kind(), 1L, Long::sum));
        return census;
    }
}
