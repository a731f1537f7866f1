package kr.dolbom.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleClusterResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules a platform team checks before it accepts a chart, as assertions on one rendering. Each method returns the
 * broken rules, one line each, so that a failure names all of them at once.
 */
final class PlatformRules {

    /** What an installation was asked for: the rules depend on it. */
    record Install(String kafkaAuth, boolean keda, int partitions, int kafkaPort, int oidcPort) {}

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    /** An env var by one of these names carries a credential: only ever from a Secret. */
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|CREDENTIAL|PRIVATE_KEY).*", Pattern.CASE_INSENSITIVE);

    static final List<String> REQUIRED_ENV = List.of(
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "DOLBOM_DB_HOST",
            "DOLBOM_DB_PORT",
            "DOLBOM_DB_NAME",
            "SPRING_R2DBC_USERNAME",
            "SPRING_R2DBC_PASSWORD",
            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
            "DOLBOM_TOPICS_PARTITIONS",
            "DOLBOM_TOPICS_REPLICATION_FACTOR",
            "SPRING_KAFKA_SECURITY_PROTOCOL",
            "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION");

    private PlatformRules() {}

    /** The service (= Spring application name) a resource belongs to. */
    static String service(HasMetadata resource) {
        return resource.getMetadata().getLabels().get("app.kubernetes.io/name");
    }

    // ---- pods --------------------------------------------------------------------------------------------------

    static List<String> hardenedPods(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        Map<String, ServiceAccount> accounts = manifests.all(ServiceAccount.class).stream()
                .collect(Collectors.toMap(a -> a.getMetadata().getName(), a -> a));
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String where = "Deployment " + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(where + ": automountServiceAccountToken must be false");
            }
            ServiceAccount account = accounts.get(pod.getServiceAccountName());
            if (account == null) {
                problems.add(where + ": its ServiceAccount " + pod.getServiceAccountName() + " is not rendered");
            } else if (!Boolean.FALSE.equals(account.getAutomountServiceAccountToken())) {
                problems.add("ServiceAccount " + pod.getServiceAccountName()
                        + ": automountServiceAccountToken must be false");
            }
            PodSecurityContext podSecurity = pod.getSecurityContext();
            boolean podNonRoot = podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot());
            if (podSecurity != null && Long.valueOf(0).equals(podSecurity.getRunAsUser())) {
                problems.add(where + ": the pod runs as uid 0");
            }
            if (pod.getTopologySpreadConstraints() == null
                    || pod.getTopologySpreadConstraints().isEmpty()) {
                problems.add(where + ": no topologySpreadConstraints");
            } else {
                pod.getTopologySpreadConstraints().forEach(spread -> {
                    if (!selects(spread.getLabelSelector(), deployment)) {
                        problems.add(where + ": topology spread on " + spread.getTopologyKey()
                                + " does not select its pods");
                    }
                });
            }
            Map<String, Volume> volumes = new HashMap<>();
            if (pod.getVolumes() != null) {
                pod.getVolumes().forEach(v -> volumes.put(v.getName(), v));
            }
            List<Container> containers = new ArrayList<>(pod.getContainers());
            if (pod.getInitContainers() != null) {
                containers.addAll(pod.getInitContainers());
            }
            for (Container container : containers) {
                String at = where + " container " + container.getName();
                problems.addAll(securityContext(at, container.getSecurityContext(), podNonRoot));
                problems.addAll(resources(at, container.getResources()));
                if (pod.getContainers().contains(container)) {
                    problems.addAll(probes(at, container));
                }
                boolean tmp = false;
                for (VolumeMount mount :
                        container.getVolumeMounts() == null ? List.<VolumeMount>of() : container.getVolumeMounts()) {
                    Volume volume = volumes.get(mount.getName());
                    if (volume == null) {
                        problems.add(at + ": mounts " + mount.getName() + ", which is no volume of the pod");
                    } else if ("/tmp".equals(mount.getMountPath())) {
                        tmp = volume.getEmptyDir() != null;
                    }
                }
                if (!tmp) {
                    problems.add(at + ": /tmp must be an emptyDir (the root file system is read-only)");
                }
                problems.addAll(environment(at, container.getEnv()));
            }
        }
        return problems;
    }

    private static List<String> securityContext(String at, SecurityContext security, boolean podNonRoot) {
        List<String> problems = new ArrayList<>();
        if (security == null) {
            return List.of(at + ": no securityContext");
        }
        if (!(Boolean.TRUE.equals(security.getRunAsNonRoot()) || (security.getRunAsNonRoot() == null && podNonRoot))) {
            problems.add(at + ": must run as non-root (runAsNonRoot)");
        }
        if (Long.valueOf(0).equals(security.getRunAsUser())) {
            problems.add(at + ": runs as uid 0");
        }
        if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            problems.add(at + ": readOnlyRootFilesystem must be true");
        }
        if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
            problems.add(at + ": allowPrivilegeEscalation must be false");
        }
        if (Boolean.TRUE.equals(security.getPrivileged())) {
            problems.add(at + ": privileged");
        }
        if (security.getCapabilities() == null
                || security.getCapabilities().getDrop() == null
                || !security.getCapabilities().getDrop().contains("ALL")) {
            problems.add(at + ": must drop ALL capabilities");
        }
        if (security.getCapabilities() != null
                && security.getCapabilities().getAdd() != null
                && !security.getCapabilities().getAdd().isEmpty()) {
            problems.add(
                    at + ": adds capabilities " + security.getCapabilities().getAdd());
        }
        return problems;
    }

    private static List<String> resources(String at, ResourceRequirements resources) {
        List<String> problems = new ArrayList<>();
        if (resources == null || resources.getLimits() == null || resources.getRequests() == null) {
            return List.of(at + ": needs resource requests and limits");
        }
        for (String resource : List.of("cpu", "memory")) {
            Quantity limit = resources.getLimits().get(resource);
            Quantity request = resources.getRequests().get(resource);
            if (limit == null || request == null) {
                problems.add(at + ": needs a " + resource + " request and limit");
                continue;
            }
            try {
                if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                    problems.add(at + ": " + resource + " request " + request + " is above its limit " + limit);
                }
            } catch (RuntimeException e) {
                problems.add(at + ": " + resource + " is not a quantity: " + request + " / " + limit);
            }
        }
        return problems;
    }

    private static List<String> probes(String at, Container container) {
        List<String> problems = new ArrayList<>();
        Set<String> ports = container.getPorts() == null
                ? Set.of()
                : container.getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet());
        Map<String, Probe> probes = new HashMap<>();
        probes.put("startupProbe", container.getStartupProbe());
        probes.put("livenessProbe", container.getLivenessProbe());
        probes.put("readinessProbe", container.getReadinessProbe());
        Map<String, String> paths =
                Map.of("startupProbe", LIVENESS, "livenessProbe", LIVENESS, "readinessProbe", READINESS);
        probes.forEach((name, probe) -> {
            if (probe == null || probe.getHttpGet() == null) {
                problems.add(at + ": needs an HTTP " + name);
                return;
            }
            if (!paths.get(name).equals(probe.getHttpGet().getPath())) {
                problems.add(
                        at + ": " + name + " must GET " + paths.get(name) + " (the only open actuator endpoints), not "
                                + probe.getHttpGet().getPath());
            }
            String port = probe.getHttpGet().getPort().getStrVal();
            if (port == null || !ports.contains(port)) {
                problems.add(
                        at + ": " + name + " port " + probe.getHttpGet().getPort() + " is no named container port");
            }
        });
        return problems;
    }

    private static List<String> environment(String at, List<EnvVar> env) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (EnvVar var : env == null ? List.<EnvVar>of() : env) {
            if (!seen.add(var.getName())) {
                problems.add(at + ": env " + var.getName() + " is set twice");
            }
            if (SECRET_NAME.matcher(var.getName()).matches()
                    && (var.getValue() != null
                            || var.getValueFrom() == null
                            || var.getValueFrom().getSecretKeyRef() == null)) {
                problems.add(at + ": env " + var.getName() + " must come from a Secret (secretKeyRef), never a value");
            }
        }
        for (String required : REQUIRED_ENV) {
            if (!seen.contains(required)) {
                problems.add(at + ": env " + required + " is missing");
            }
        }
        return problems;
    }

    /** No Secret carries a value: credentials are the operators' (Strimzi, CNPG) or the platform's. */
    static List<String> noSecretValues(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Secret secret : manifests.all(Secret.class)) {
            if ((secret.getData() != null && !secret.getData().isEmpty())
                    || (secret.getStringData() != null
                            && !secret.getStringData().isEmpty())) {
                problems.add("Secret " + secret.getMetadata().getName() + " holds literal data");
            }
        }
        return problems;
    }

    /** Each Deployment has its Service, PodDisruptionBudget and NetworkPolicy, selecting exactly its pods. */
    static List<String> companions(Manifests manifests, boolean networkPolicies) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Service service = manifests.one(Service.class, name);
            if (!matches(service.getSpec().getSelector(), deployment)) {
                problems.add("Service " + name + " does not select its pods");
            }
            PodDisruptionBudget budget = manifests.one(PodDisruptionBudget.class, name);
            if (!selects(budget.getSpec().getSelector(), deployment)) {
                problems.add("PodDisruptionBudget " + name + " does not select its pods");
            }
            if (networkPolicies
                    && !selects(
                            manifests.one(NetworkPolicy.class, name).getSpec().getPodSelector(), deployment)) {
                problems.add("NetworkPolicy " + name + " does not select its pods");
            }
        }
        return problems;
    }

    // ---- autoscaling -------------------------------------------------------------------------------------------

    static List<String> autoscaling(Manifests manifests, Topology topology, Install install) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> scalers = new HashMap<>();
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            String where = "HorizontalPodAutoscaler " + hpa.getMetadata().getName();
            scalers.merge(hpa.getSpec().getScaleTargetRef().getName(), 1, Integer::sum);
            if (hpa.getSpec().getMinReplicas() == null || hpa.getSpec().getMinReplicas() < 2) {
                problems.add(where + ": minReplicas must be at least 2, is "
                        + hpa.getSpec().getMinReplicas());
            }
            if (hpa.getSpec().getMetrics().stream()
                    .noneMatch(m -> m.getResource() != null
                            && "cpu".equals(m.getResource().getName()))) {
                problems.add(where + ": does not scale on CPU");
            }
        }
        Set<String> authentications = manifests.all(Manifests.KEDA_TRIGGER_AUTHENTICATION).stream()
                .map(Structure::name)
                .collect(Collectors.toSet());
        for (Structure scaled : manifests.all(Manifests.KEDA_SCALED_OBJECT)) {
            String where = "ScaledObject " + scaled.name();
            String target = String.valueOf(scaled.at("spec.scaleTargetRef.name"));
            scalers.merge(target, 1, Integer::sum);
            String service = labels(scaled).get("app.kubernetes.io/name");
            if (!(scaled.at("spec.minReplicaCount") instanceof Integer min) || min < 2) {
                problems.add(where + ": minReplicaCount must be at least 2, is " + scaled.at("spec.minReplicaCount"));
            }
            if (scaled.at("spec.maxReplicaCount") instanceof Integer max && max > install.partitions()) {
                problems.add(
                        where + ": maxReplicaCount " + max + " is above the " + install.partitions() + " partitions");
            }
            Set<String> topics = new TreeSet<>();
            List<?> triggers = (List<?>) scaled.at("spec.triggers");
            for (int i = 0; i < triggers.size(); i++) {
                String trigger = "spec.triggers[" + i + "]";
                if (!"kafka".equals(scaled.at(trigger + ".type"))) {
                    problems.add(where + ": " + trigger + " is not a kafka trigger");
                }
                if (!Objects.equals(service, scaled.at(trigger + ".metadata.consumerGroup"))) {
                    problems.add(where + ": " + trigger + " watches group "
                            + scaled.at(trigger + ".metadata.consumerGroup") + ", not " + service);
                }
                topics.add(String.valueOf(scaled.at(trigger + ".metadata.topic")));
                if (!authentications.contains(String.valueOf(scaled.at(trigger + ".authenticationRef.name")))) {
                    problems.add(where + ": " + trigger + " authenticates with a TriggerAuthentication not rendered");
                }
                if (!"enable".equals(scaled.at(trigger + ".metadata.tls"))) {
                    problems.add(where + ": " + trigger + " must use TLS");
                }
            }
            if (!topics.equals(topology.consumes().get(service))) {
                problems.add(where + ": triggers on " + topics + ", but " + service + " consumes "
                        + topology.consumes().get(service));
            }
        }
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            if (scalers.getOrDefault(name, 0) != 1) {
                problems.add("Deployment " + name + " has " + scalers.getOrDefault(name, 0)
                        + " autoscalers, needs exactly one");
            }
            boolean lag = manifests.all(Manifests.KEDA_SCALED_OBJECT).stream()
                    .anyMatch(s -> s.name().equals(name));
            boolean expectLag = install.keda() && !service(deployment).equals("intake-service");
            if (lag != expectLag) {
                problems.add("Deployment " + name + (expectLag ? " should" : " should not") + " scale on Kafka lag");
            }
        }
        return problems;
    }

    // ---- network -----------------------------------------------------------------------------------------------

    static List<String> networkPolicies(Manifests manifests, Install install) {
        List<String> problems = new ArrayList<>();
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            String where = "NetworkPolicy " + policy.getMetadata().getName();
            List<String> types = policy.getSpec().getPolicyTypes();
            if (types == null || !types.contains("Ingress") || !types.contains("Egress")) {
                problems.add(where + ": must restrict both Ingress and Egress, restricts " + types);
            }
            List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
            if (egress == null || egress.isEmpty()) {
                problems.add(where + ": no egress rule (every service needs DNS, Kafka, PostgreSQL, OIDC)");
                continue;
            }
            Set<String> reachable = new TreeSet<>();
            for (int i = 0; i < egress.size(); i++) {
                NetworkPolicyEgressRule rule = egress.get(i);
                problems.addAll(limited(where + " egress[" + i + "]", rule.getTo(), rule.getPorts()));
                if (rule.getPorts() != null) {
                    rule.getPorts()
                            .forEach(p -> reachable.add(
                                    p.getProtocol() + "/" + p.getPort().getIntVal()));
                }
            }
            for (String needed :
                    List.of("UDP/53", "TCP/" + install.kafkaPort(), "TCP/5432", "TCP/" + install.oidcPort())) {
                if (!reachable.contains(needed)) {
                    problems.add(where + ": egress does not reach " + needed + " (reaches " + reachable + ")");
                }
            }
            List<NetworkPolicyIngressRule> ingress = policy.getSpec().getIngress() == null
                    ? List.of()
                    : policy.getSpec().getIngress();
            for (int i = 0; i < ingress.size(); i++) {
                NetworkPolicyIngressRule rule = ingress.get(i);
                problems.addAll(limited(where + " ingress[" + i + "]", rule.getFrom(), rule.getPorts()));
                if (rule.getPorts() != null
                        && rule.getPorts().stream()
                                .anyMatch(p -> !"http".equals(p.getPort().getStrVal()))) {
                    problems.add(where + " ingress[" + i + "]: opens more than the HTTP port");
                }
            }
        }
        return problems;
    }

    /** A rule is limited when it names its peers (none of them "everything") and its ports. */
    private static List<String> limited(String at, List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
        List<String> problems = new ArrayList<>();
        if (peers == null || peers.isEmpty()) {
            problems.add(at + ": no peers, i.e. everyone");
        } else {
            for (NetworkPolicyPeer peer : peers) {
                if (peer.getIpBlock() != null) {
                    String cidr = peer.getIpBlock().getCidr();
                    if (cidr == null || cidr.endsWith("/0")) {
                        problems.add(at + ": ipBlock " + cidr + " is the whole internet");
                    }
                } else if (peer.getPodSelector() == null && peer.getNamespaceSelector() == null) {
                    problems.add(at + ": an empty peer");
                } else if (peer.getPodSelector() == null && isEmpty(peer.getNamespaceSelector())) {
                    problems.add(at + ": every pod of every namespace");
                }
            }
        }
        if (ports == null || ports.isEmpty()) {
            problems.add(at + ": no ports, i.e. all");
        }
        return problems;
    }

    // ---- Kafka -------------------------------------------------------------------------------------------------

    /** Each service's KafkaUser may write only what it owns and read only what it consumes. */
    static List<String> kafkaUsers(Manifests manifests, Topology topology, Install install) {
        List<String> problems = new ArrayList<>();
        Set<String> services = new TreeSet<>();
        for (KafkaUser user : manifests.all(KafkaUser.class)) {
            String service = service(user);
            services.add(service);
            String where = "KafkaUser " + user.getMetadata().getName() + " (" + service + ")";
            if (!install.kafkaAuth().equals(user.getSpec().getAuthentication().getType())) {
                problems.add(where + ": authenticates by "
                        + user.getSpec().getAuthentication().getType());
            }
            if (!(user.getSpec().getAuthorization() instanceof KafkaUserAuthorizationSimple simple)) {
                problems.add(where + ": no simple ACLs");
                continue;
            }
            Map<AclOperation, Set<String>> topics = new HashMap<>();
            Map<AclOperation, Set<String>> groups = new HashMap<>();
            Set<AclOperation> cluster = new TreeSet<>();
            for (AclRule acl : simple.getAcls()) {
                if (acl.getType() == AclRuleType.DENY) {
                    continue;
                }
                List<AclOperation> operations =
                        acl.getOperations() != null ? acl.getOperations() : List.of(acl.getOperation());
                if (acl.getResource() instanceof AclRuleTopicResource topic) {
                    if (topic.getPatternType() != AclResourcePatternType.LITERAL || "*".equals(topic.getName())) {
                        problems.add(where + ": topic ACL " + topic.getName() + " is not one literal topic");
                    }
                    operations.forEach(op ->
                            topics.computeIfAbsent(op, o -> new TreeSet<>()).add(topic.getName()));
                } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                    if (group.getPatternType() != AclResourcePatternType.LITERAL || "*".equals(group.getName())) {
                        problems.add(where + ": group ACL " + group.getName() + " is not one literal group");
                    }
                    operations.forEach(op ->
                            groups.computeIfAbsent(op, o -> new TreeSet<>()).add(group.getName()));
                } else if (acl.getResource() instanceof AclRuleClusterResource) {
                    cluster.addAll(operations);
                } else {
                    problems.add(where + ": ACL on " + acl.getResource().getType());
                }
            }
            Set<String> dlqs = topology.deadLetterTopics(service);
            expect(
                    problems,
                    where + ": writes",
                    topics.get(AclOperation.WRITE),
                    union(topology.produces().get(service), dlqs));
            expect(
                    problems,
                    where + ": reads",
                    topics.get(AclOperation.READ),
                    union(topology.consumes().get(service), dlqs));
            expect(problems, where + ": describes", topics.get(AclOperation.DESCRIBE), union(topology.streams(), dlqs));
            expect(
                    problems,
                    where + ": joins groups",
                    groups.get(AclOperation.READ),
                    Set.of(service, service + ".replay"));
            expect(problems, where + ": cluster operations", cluster, Set.of(AclOperation.IDEMPOTENTWRITE));
            for (AclOperation forbidden : List.of(
                    AclOperation.ALL,
                    AclOperation.CREATE,
                    AclOperation.DELETE,
                    AclOperation.ALTER,
                    AclOperation.ALTERCONFIGS)) {
                if (topics.containsKey(forbidden) || groups.containsKey(forbidden)) {
                    problems.add(where + ": may " + forbidden);
                }
            }
        }
        expect(problems, "KafkaUsers", services, new TreeSet<>(Topology.SERVICES));
        return problems;
    }

    static List<String> kafkaTopics(Manifests manifests, Topology topology, Install install) {
        List<String> problems = new ArrayList<>();
        Map<String, KafkaTopic> byName = new HashMap<>();
        for (KafkaTopic topic : manifests.all(KafkaTopic.class)) {
            String name = topic.getSpec().getTopicName();
            byName.put(name, topic);
            String where = "KafkaTopic " + name;
            if (!Objects.equals(topic.getSpec().getReplicas(), 3)) {
                problems.add(
                        where + ": replicas must be 3, is " + topic.getSpec().getReplicas());
            }
            if (!Objects.equals(topic.getSpec().getPartitions(), install.partitions())) {
                problems.add(where + ": partitions must be " + install.partitions() + ", is "
                        + topic.getSpec().getPartitions());
            }
            Map<String, Object> config = topic.getSpec().getConfig();
            if (!Objects.equals(config.get("min.insync.replicas"), 2)) {
                problems.add(where + ": min.insync.replicas must be 2, is " + config.get("min.insync.replicas"));
            }
            Object retention = config.get("retention.ms");
            if (topology.streams().contains(name) && !Objects.equals(retention, -1)) {
                problems.add(where + ": a care stream is kept for ever (retention.ms -1), not " + retention);
            }
            if (topology.deadLetterTopics().contains(name)
                    && !(retention instanceof Number days && days.longValue() == 30L * 24 * 3600 * 1000)) {
                problems.add(where + ": dead letters are kept 30 days, not " + retention);
            }
            if (!"delete".equals(config.get("cleanup.policy"))) {
                problems.add(
                        where + ": cleanup.policy must be delete (compaction would drop an order's earlier events)");
            }
        }
        expect(problems, "KafkaTopics", byName.keySet(), union(topology.streams(), topology.deadLetterTopics()));
        return problems;
    }

    static List<String> kafkaCluster(Manifests manifests, Install install) {
        List<String> problems = new ArrayList<>();
        List<Kafka> clusters = manifests.all(Kafka.class);
        if (clusters.size() != 1) {
            return List.of("expected one Kafka, found " + clusters.size());
        }
        Kafka kafka = clusters.get(0);
        Map<String, String> annotations = kafka.getMetadata().getAnnotations();
        if (annotations == null || !"enabled".equals(annotations.get("strimzi.io/kraft"))) {
            problems.add("Kafka: not a KRaft cluster");
        }
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            if (!listener.isTls()) {
                problems.add("Kafka listener " + listener.getName() + ": without TLS");
            }
            if (listener.getAuth() == null
                    || !install.kafkaAuth().equals(listener.getAuth().getType())) {
                problems.add(
                        "Kafka listener " + listener.getName() + ": does not authenticate by " + install.kafkaAuth());
            }
        }
        if (!(kafka.getSpec().getKafka().getAuthorization() instanceof KafkaAuthorizationSimple)) {
            problems.add("Kafka: ACLs are not enforced (authorization simple)");
        }
        List<KafkaNodePool> pools = manifests.all(KafkaNodePool.class);
        int controllers = 0;
        for (KafkaNodePool pool : pools) {
            if (!kafka.getMetadata()
                    .getName()
                    .equals(pool.getMetadata().getLabels().get("strimzi.io/cluster"))) {
                problems.add("KafkaNodePool " + pool.getMetadata().getName() + ": not of cluster "
                        + kafka.getMetadata().getName());
            }
            if (pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)) {
                controllers += pool.getSpec().getReplicas();
            }
        }
        if (controllers < 3) {
            problems.add("Kafka: " + controllers + " KRaft controllers, a quorum needs 3");
        }
        return problems;
    }

    // ---- PostgreSQL --------------------------------------------------------------------------------------------

    /** One CNPG cluster per service, its database and owner bootstrapped, backed up, and the service pointed at it. */
    static List<String> postgres(Manifests manifests, String backupMethod) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            String service = service(deployment);
            String database = service.substring(0, service.indexOf('-'));
            String cluster = HelmChart.RELEASE + "-" + database + "-db";
            Structure structure = manifests.one(Manifests.CNPG_CLUSTER, cluster);
            String where = "Cluster " + cluster;
            if (!database.equals(structure.at("spec.bootstrap.initdb.database"))
                    || !database.equals(structure.at("spec.bootstrap.initdb.owner"))) {
                problems.add(where + ": must bootstrap database " + database + " owned by role " + database);
            }
            Map<String, EnvVar> env = env(deployment);
            if (!(cluster + "-rw").equals(env.get("DOLBOM_DB_HOST").getValue())) {
                problems.add(service + ": DOLBOM_DB_HOST must be the cluster's primary, " + cluster + "-rw");
            }
            for (String credential : List.of("SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD")) {
                if (!(cluster + "-app")
                        .equals(env.get(credential)
                                .getValueFrom()
                                .getSecretKeyRef()
                                .getName())) {
                    problems.add(service + ": " + credential + " must come from CNPG's " + cluster + "-app");
                }
            }
            Structure backup = manifests.one(Manifests.CNPG_SCHEDULED_BACKUP, cluster + "-nightly");
            if (!cluster.equals(backup.at("spec.cluster.name")) || !backupMethod.equals(backup.at("spec.method"))) {
                problems.add("ScheduledBackup " + backup.name() + ": must back up " + cluster + " by " + backupMethod);
            }
            if (backupMethod.equals("plugin")) {
                String store = String.valueOf(structure.at("spec.plugins[0].parameters.barmanObjectName"));
                if (!Boolean.TRUE.equals(structure.at("spec.plugins[0].isWALArchiver"))) {
                    problems.add(where + ": the Barman Cloud plugin must archive the WAL");
                }
                manifests.one(Manifests.BARMAN_OBJECT_STORE, store);
            } else if (structure.at("spec.backup.barmanObjectStore") == null) {
                problems.add(where + ": no barmanObjectStore");
            }
        }
        return problems;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static Map<String, EnvVar> env(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e, (a, b) -> b));
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> labels(Structure structure) {
        Object labels = structure.at("metadata.labels");
        return labels instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static boolean selects(LabelSelector selector, Deployment deployment) {
        return selector != null
                && (selector.getMatchExpressions() == null
                        || selector.getMatchExpressions().isEmpty())
                && matches(selector.getMatchLabels(), deployment);
    }

    private static boolean matches(Map<String, String> labels, Deployment deployment) {
        Map<String, String> pod =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        return labels != null && !labels.isEmpty() && pod.entrySet().containsAll(labels.entrySet());
    }

    private static boolean isEmpty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null
                        || selector.getMatchExpressions().isEmpty());
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> void expect(List<String> problems, String what, Set<T> actual, Set<T> expected) {
        Set<T> found = actual == null ? Set.of() : new TreeSet<>(actual);
        if (!found.equals(new TreeSet<>(expected))) {
            problems.add(what + " " + found + ", expected " + new TreeSet<>(expected));
        }
    }
}
