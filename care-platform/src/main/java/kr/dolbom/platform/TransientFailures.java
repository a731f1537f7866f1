package kr.dolbom.platform;

import io.r2dbc.spi.R2dbcTransientException;
import java.time.Duration;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Failures that say "try the same transaction again": a deadlock or a serialization conflict between
 * concurrent transactions (SQLSTATE 40P01, 40001). The whole transaction is retried a few times, quickly;
 * anything else fails at once.
 */
public final class TransientFailures {

    private TransientFailures() {}

    /** For {@code tx.transactional(work).retryWhen(TransientFailures.retry())}: work must be lazy, as DatabaseClient calls are. */
    public static RetryBackoffSpec retry() {
        return Retry.backoff(5, Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(500))
                .jitter(0.5)
                .filter(TransientFailures::isTransient)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcTransientException) {
                return true;
            }
        }
        return false;
    }
}
