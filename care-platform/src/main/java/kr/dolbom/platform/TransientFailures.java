package kr.dolbom.platform;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import kr.dolbom.events.MalformedEventException;
import kr.dolbom.platform.domain.RuleViolation;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * Which failures are not the fault of the work that met them, said once for the whole platform.
 *
 * <p>{@link #isTransient} is the narrow kind that says "run the same transaction again, now": a deadlock or a
 * serialization conflict between concurrent transactions (SQLSTATE 40P01, 40001). The whole transaction is
 * retried a few times, quickly.
 *
 * <p>{@link #isInfrastructure} is the wide kind that says "the same work will succeed once the infrastructure
 * is back": the database unreachable, its connection closed under us, the pool exhausted, a wait that timed
 * out. A consumer waits that out for as long as it takes instead of dead-lettering events that did nothing
 * wrong; an API answers 503. A verdict on the work itself ({@link MalformedEventException},
 * {@link RuleViolation}) anywhere in the chain outweighs whatever wraps or follows it.
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

    /** The database or the network let the work down, not the work itself: waiting and trying again will do. */
    public static boolean isInfrastructure(Throwable failure) {
        if (isPoison(failure)) {
            return false;
        }
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessException
                    // r2dbc: connection refused or closed (postgres), pool acquire timed out (a transient one)
                    || cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientException
                    // a blocking wait for the transaction that gave up, a socket that broke
                    || cause instanceof TimeoutException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** The work is at fault and will fail the same way every time: dead-letter it, answer 4xx. */
    public static boolean isPoison(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof MalformedEventException || cause instanceof RuleViolation) {
                return true;
            }
        }
        return false;
    }
}
