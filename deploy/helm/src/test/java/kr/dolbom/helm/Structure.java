package kr.dolbom.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A structural check of a custom resource the build has no Java model for (CloudNativePG, Barman Cloud, KEDA,
 * Prometheus Operator): apiVersion and kind, metadata.name, the fields the operator needs with their JSON types, and
 * for the objects the chart writes, no key the CRD does not define. Not a schema validation: the fields' own rules
 * (cron syntax beyond its six fields, quantities, enum values not listed here) are the operators' to enforce.
 */
final class Structure {

    private final Manifests.Kind kind;
    private final Map<String, Object> document;
    private final List<String> problems = new ArrayList<>();

    Structure(Manifests.Kind kind, Map<String, Object> document) {
        this.kind = kind;
        this.document = document;
        text("metadata.name");
        object("spec");
    }

    Manifests.Kind kind() {
        return kind;
    }

    String name() {
        return String.valueOf(at("metadata.name"));
    }

    List<String> problems() {
        return problems;
    }

    Map<String, Object> document() {
        return document;
    }

    // ---- the kinds -------------------------------------------------------------------------------------------

    Structure cnpgCluster() {
        keys(
                "spec",
                Set.of(
                        "instances",
                        "imageName",
                        "primaryUpdateStrategy",
                        "enableSuperuserAccess",
                        "bootstrap",
                        "postgresql",
                        "storage",
                        "walStorage",
                        "resources",
                        "affinity",
                        "backup",
                        "plugins",
                        "monitoring",
                        "topologySpreadConstraints",
                        "managed",
                        "description"));
        integer("spec.instances", 1);
        text("spec.storage.size");
        keys("spec.bootstrap", Set.of("initdb"));
        text("spec.bootstrap.initdb.database");
        text("spec.bootstrap.initdb.owner");
        if (at("spec.backup") != null) {
            text("spec.backup.barmanObjectStore.destinationPath");
            secretKeyRef("spec.backup.barmanObjectStore.s3Credentials.accessKeyId");
            secretKeyRef("spec.backup.barmanObjectStore.s3Credentials.secretAccessKey");
        }
        if (at("spec.plugins") != null) {
            for (int i = 0; i < list("spec.plugins", 1).size(); i++) {
                text("spec.plugins[" + i + "].name");
                keys("spec.plugins[" + i + "]", Set.of("name", "enabled", "isWALArchiver", "parameters"));
            }
        }
        return this;
    }

    Structure cnpgScheduledBackup() {
        keys(
                "spec",
                Set.of(
                        "schedule",
                        "cluster",
                        "immediate",
                        "backupOwnerReference",
                        "method",
                        "pluginConfiguration",
                        "suspend",
                        "target",
                        "online"));
        String schedule = text("spec.schedule");
        if (schedule != null && schedule.trim().split("\\s+").length != 6) {
            problem("spec.schedule", "CloudNativePG schedules have six fields (seconds first): " + schedule);
        }
        text("spec.cluster.name");
        String method = text("spec.method");
        if (method != null
                && !Set.of("barmanObjectStore", "volumeSnapshot", "plugin").contains(method)) {
            problem("spec.method", "not a backup method: " + method);
        }
        if ("plugin".equals(method)) {
            text("spec.pluginConfiguration.name");
        }
        return this;
    }

    Structure barmanObjectStore() {
        keys("spec", Set.of("configuration", "retentionPolicy", "instanceSidecarConfiguration"));
        text("spec.configuration.destinationPath");
        secretKeyRef("spec.configuration.s3Credentials.accessKeyId");
        secretKeyRef("spec.configuration.s3Credentials.secretAccessKey");
        return this;
    }

    Structure kedaScaledObject() {
        keys(
                "spec",
                Set.of(
                        "scaleTargetRef",
                        "minReplicaCount",
                        "maxReplicaCount",
                        "pollingInterval",
                        "cooldownPeriod",
                        "idleReplicaCount",
                        "fallback",
                        "advanced",
                        "triggers",
                        "initialCooldownPeriod"));
        text("spec.scaleTargetRef.name");
        integer("spec.minReplicaCount", 0);
        integer("spec.maxReplicaCount", 1);
        List<?> triggers = list("spec.triggers", 1);
        for (int i = 0; i < triggers.size(); i++) {
            String trigger = "spec.triggers[" + i + "]";
            keys(trigger, Set.of("type", "name", "metadata", "authenticationRef", "metricType", "useCachedMetrics"));
            text(trigger + ".type");
            // KEDA's metadata is map[string]string: a number there is refused by the API server
            if (object(trigger + ".metadata") instanceof Map<?, ?> metadata) {
                metadata.forEach((key, value) -> {
                    if (!(value instanceof String)) {
                        problem(trigger + ".metadata." + key, "must be a string, is " + value);
                    }
                });
            }
            if (at(trigger + ".authenticationRef") != null) {
                text(trigger + ".authenticationRef.name");
            }
        }
        return this;
    }

    Structure kedaTriggerAuthentication() {
        keys("spec", Set.of("secretTargetRef", "env", "configMapTargetRef", "podIdentity", "hashiCorpVault"));
        if (at("spec.secretTargetRef") != null) {
            for (int i = 0; i < list("spec.secretTargetRef", 1).size(); i++) {
                String ref = "spec.secretTargetRef[" + i + "]";
                keys(ref, Set.of("parameter", "name", "key"));
                text(ref + ".parameter");
                text(ref + ".name");
                text(ref + ".key");
            }
        }
        if (at("spec.env") != null) {
            for (int i = 0; i < list("spec.env", 1).size(); i++) {
                String ref = "spec.env[" + i + "]";
                keys(ref, Set.of("parameter", "name", "containerName"));
                text(ref + ".parameter");
                text(ref + ".name");
            }
        }
        return this;
    }

    /** Groups of rules, each alert with a name, an expression and a severity. */
    Structure prometheusRule() {
        keys("spec", Set.of("groups"));
        List<?> groups = list("spec.groups", 1);
        for (int g = 0; g < groups.size(); g++) {
            String group = "spec.groups[" + g + "]";
            text(group + ".name");
            List<?> rules = list(group + ".rules", 1);
            for (int r = 0; r < rules.size(); r++) {
                String rule = group + ".rules[" + r + "]";
                text(rule + ".alert");
                text(rule + ".expr");
                text(rule + ".labels.severity");
            }
        }
        return this;
    }

    Structure serviceMonitor() {
        keys("spec", Set.of("selector", "endpoints", "namespaceSelector", "jobLabel"));
        object("spec.selector.matchLabels");
        List<?> endpoints = list("spec.endpoints", 1);
        for (int i = 0; i < endpoints.size(); i++) {
            String endpoint = "spec.endpoints[" + i + "]";
            text(endpoint + ".port");
            text(endpoint + ".path");
            if (at(endpoint + ".oauth2") != null) {
                text(endpoint + ".oauth2.tokenUrl");
                secretKeyRef(endpoint + ".oauth2.clientId.secret");
                secretKeyRef(endpoint + ".oauth2.clientSecret");
            }
        }
        return this;
    }

    // ---- the assertion helper --------------------------------------------------------------------------------

    /** The value at a dotted path ({@code spec.triggers[0].metadata}), or null. */
    Object at(String path) {
        Object current = document;
        for (String step : path.split("\\.")) {
            String key = step;
            Integer index = null;
            int bracket = step.indexOf('[');
            if (bracket >= 0) {
                key = step.substring(0, bracket);
                index = Integer.valueOf(step.substring(bracket + 1, step.length() - 1));
            }
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
            if (index != null) {
                if (!(current instanceof List<?> items) || index >= items.size()) {
                    return null;
                }
                current = items.get(index);
            }
        }
        return current;
    }

    String text(String path) {
        Object value = at(path);
        if (!(value instanceof String text) || text.isBlank()) {
            problem(path, "a non-empty string is required, found " + value);
            return null;
        }
        return text;
    }

    Integer integer(String path, int minimum) {
        Object value = at(path);
        if (!(value instanceof Integer number)) {
            problem(
                    path,
                    "an integer is required, found "
                            + (value == null
                                    ? null
                                    : value + " (" + value.getClass().getSimpleName() + ")"));
            return null;
        }
        if (number < minimum) {
            problem(path, "must be at least " + minimum + ", is " + number);
        }
        return number;
    }

    Object object(String path) {
        Object value = at(path);
        if (!(value instanceof Map<?, ?>)) {
            problem(path, "an object is required, found " + value);
            return null;
        }
        return value;
    }

    List<?> list(String path, int minimumSize) {
        Object value = at(path);
        if (!(value instanceof List<?> items) || items.size() < minimumSize) {
            problem(path, "a list of at least " + minimumSize + " is required, found " + value);
            return List.of();
        }
        return items;
    }

    /** A reference to a Secret's key ({name, key}), never a value. */
    void secretKeyRef(String path) {
        keys(path, Set.of("name", "key"));
        text(path + ".name");
        text(path + ".key");
    }

    /** The object at path has no key outside {@code allowed}. */
    void keys(String path, Set<String> allowed) {
        if (at(path) instanceof Map<?, ?> map) {
            Set<String> unknown = new TreeSet<>();
            map.keySet().forEach(key -> {
                if (!allowed.contains(String.valueOf(key))) {
                    unknown.add(String.valueOf(key));
                }
            });
            if (!unknown.isEmpty()) {
                problem(path, "unknown field(s) " + unknown);
            }
        }
    }

    private void problem(String path, String message) {
        problems.add(kind + " " + at("metadata.name") + ": " + path + ": " + message);
    }
}
