package kr.dolbom.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kr.dolbom.events.MalformedEventException;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

class TransientFailuresTest {

    static Stream<Throwable> outages() {
        return Stream.of(
                new DataAccessResourceFailureException("Failed to obtain R2DBC Connection", new ConnectException()),
                new CannotCreateTransactionException(
                        "Could not open R2DBC Connection for transaction",
                        new R2dbcTimeoutException("Connection acquisition timed out after 2000ms")),
                new R2dbcNonTransientResourceException("Connection refused"),
                new R2dbcTransientResourceException("the database system is starting up"),
                // Reactor's block(timeout) reports a wait that gave up like this
                new IllegalStateException(
                        "Timeout on blocking read for 30000000000 NANOSECONDS", new TimeoutException()),
                new RuntimeException("wrapped by a binder", new ConnectException("Connection refused")));
    }

    static Stream<Throwable> notOutages() {
        return Stream.of(
                new MalformedEventException("a visit of 20 minutes"),
                RuleViolation.refused("careOrderId", "no care order"),
                // a verdict on the record outweighs the outage its handling then ran into
                new DataAccessResourceFailureException("closed", new MalformedEventException("unreadable")),
                new DataIntegrityViolationException("duplicate key", new R2dbcDataIntegrityViolationException()),
                new R2dbcBadGrammarException("column does not exist"),
                new IllegalArgumentException("a bug"),
                new NullPointerException());
    }

    @ParameterizedTest
    @MethodSource("outages")
    void anOutageOfTheInfrastructureIsNotTheWorksFault(Throwable failure) {
        assertThat(TransientFailures.isInfrastructure(failure)).isTrue();
        assertThat(TransientFailures.isPoison(failure)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("notOutages")
    void aVerdictOnTheWorkOrABugIsNoOutage(Throwable failure) {
        assertThat(TransientFailures.isInfrastructure(failure)).isFalse();
    }
}
