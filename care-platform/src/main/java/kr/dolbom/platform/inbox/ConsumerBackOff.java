package kr.dolbom.platform.inbox;

import java.util.concurrent.atomic.AtomicInteger;
import kr.dolbom.platform.TransientFailures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long a consumer waits before it tries a failed record again, by whose fault it failed. An outage (the
 * database away, the pool exhausted) is waited out without limit: the record did nothing wrong, and
 * dead-lettering it would lose an event that will apply fine in a minute; the records behind it wait too, so
 * their order holds and no offset commits ahead of the database. Anything else unknown gets a few attempts
 * before it is dead-lettered. Each wait is logged once, as a warning without a stack trace, so that a long
 * outage is a readable line every few seconds rather than a wall of traces.
 */
final class ConsumerBackOff {

    static final long FIRST_WAIT_MS = 200;
    static final long OUTAGE_MAX_WAIT_MS = 10_000;
    static final int UNKNOWN_FAILURE_RETRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(ConsumerBackOff.class);

    private ConsumerBackOff() {}

    /** For {@code DefaultErrorHandler#setBackOffFunction}: the back-off of a record that has just failed. */
    static BackOff of(String group, ConsumerRecord<?, ?> record, Exception failure) {
        if (TransientFailures.isInfrastructure(failure)) {
            ExponentialBackOff outage = new ExponentialBackOff(FIRST_WAIT_MS, 2);
            outage.setMaxInterval(OUTAGE_MAX_WAIT_MS);
            return logged(outage, group, record, failure, "waiting out an outage");
        }
        return logged(bounded(), group, record, failure, "retrying");
    }

    static BackOff bounded() {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(UNKNOWN_FAILURE_RETRIES);
        backOff.setInitialInterval(FIRST_WAIT_MS);
        backOff.setMultiplier(3);
        backOff.setMaxInterval(5_000);
        return backOff;
    }

    private static BackOff logged(
            BackOff backOff, String group, ConsumerRecord<?, ?> record, Exception failure, String what) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        return () -> {
            BackOffExecution execution = backOff.start();
            AtomicInteger attempt = new AtomicInteger();
            return () -> {
                long wait = execution.nextBackOff();
                if (wait != BackOffExecution.STOP) {
                    log.warn(
                            "{} {} for {} (attempt {}): {}: {}; next try in {} ms",
                            group,
                            what,
                            where,
                            attempt.incrementAndGet(),
                            root.getClass().getSimpleName(),
                            root.getMessage(),
                            wait);
                }
                return wait;
            };
        };
    }
}
