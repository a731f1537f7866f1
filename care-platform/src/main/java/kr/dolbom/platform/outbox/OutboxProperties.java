package kr.dolbom.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize       events published per relay transaction
 * @param pollInterval    how long an idle relay waits before looking again; a commit in this process wakes it
 *                        at once, so this only bounds the delay for rows written by another instance
 * @param sendTimeout     how long a batch may wait for the broker's acknowledgements
 * @param retention       how long published rows are kept for inspection before they are purged
 * @param linger          how long a woken relay waits for more commits to join its batch
 * @param enabled         false leaves the relay stopped (a service replica that only serves reads)
 */
@ConfigurationProperties("dolbom.outbox")
public record OutboxProperties(
        Integer batchSize,
        Duration pollInterval,
        Duration sendTimeout,
        Duration retention,
        Duration linger,
        Boolean enabled) {

    public OutboxProperties {
        batchSize = batchSize == null ? 500 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout;
        retention = retention == null ? Duration.ofDays(7) : retention;
        linger = linger == null ? Duration.ofMillis(5) : linger;
        enabled = enabled == null || enabled;
    }
}
