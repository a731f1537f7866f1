package kr.dolbom.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the care streams are laid out on the cluster. Every service declares them (creation is idempotent),
 * so whichever starts first creates them with the same settings.
 *
 * @param partitions        partitions per stream; orders are keyed, so this bounds consumer parallelism
 * @param replicationFactor 1 on a single local broker, 3 in production
 * @param minInsyncReplicas with acks=all, how many replicas must have a record before it counts as written
 */
@ConfigurationProperties("dolbom.topics")
public record TopicsProperties(Integer partitions, Short replicationFactor, Integer minInsyncReplicas) {

    public TopicsProperties {
        partitions = partitions == null ? 6 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        minInsyncReplicas = minInsyncReplicas == null ? Math.min(2, replicationFactor) : minInsyncReplicas;
    }
}
