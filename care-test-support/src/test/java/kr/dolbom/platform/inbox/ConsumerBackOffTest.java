package kr.dolbom.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kr.dolbom.platform.domain.RuleViolation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

class ConsumerBackOffTest {

    private static final ConsumerRecord<String, byte[]> RECORD =
            new ConsumerRecord<>("care.deliveries.v1", 2, 41, "order", new byte[0]);

    @Test
    void anOutageIsWaitedOutWithoutLimitAtAtMostTenSecondsATime() {
        BackOffExecution waits = ConsumerBackOff.of(
                        "billing-service", RECORD, new DataAccessResourceFailureException("Connection refused"))
                .start();

        List<Long> first = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            first.add(waits.nextBackOff());
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(waits.nextBackOff()).isEqualTo(ConsumerBackOff.OUTAGE_MAX_WAIT_MS);
        }
        assertThat(first).containsExactly(200L, 400L, 800L, 1_600L, 3_200L, 6_400L, 10_000L, 10_000L);
    }

    @Test
    void anUnknownFailureGetsAFewAttemptsThenStops() {
        BackOff backOff = ConsumerBackOff.of("billing-service", RECORD, new IllegalArgumentException("a bug"));
        BackOffExecution waits = backOff.start();

        assertThat(List.of(waits.nextBackOff(), waits.nextBackOff(), waits.nextBackOff(), waits.nextBackOff()))
                .containsExactly(200L, 600L, 1_800L, BackOffExecution.STOP);
    }

    @Test
    void aRefusalIsNoOutage() {
        BackOffExecution waits = ConsumerBackOff.of("billing-service", RECORD, RuleViolation.conflict("twice"))
                .start();
        waits.nextBackOff();
        waits.nextBackOff();
        waits.nextBackOff();

        assertThat(waits.nextBackOff()).isEqualTo(BackOffExecution.STOP);
    }
}
