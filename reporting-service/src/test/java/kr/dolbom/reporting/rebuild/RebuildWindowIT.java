package kr.dolbom.reporting.rebuild;

import static kr.dolbom.reporting.CareEvents.placed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.reporting.ReportingIntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The window a rebuild must not lose: events that arrive after the replay's target and that the live consumers
 * apply to the old schema just before it is swapped out. The swap is held until the live consumer has applied
 * them there; the catch-up must then bring each of them, once, into the new schema.
 *
 * <p>A context of its own (the spied store) in a consumer group of its own, so that it does not take partitions
 * from the module's shared context, which stays alive beside it.
 */
@TestPropertySource(properties = "spring.cloud.stream.default.group=reporting-rebuild-window")
class RebuildWindowIT extends ReportingIntegrationTest {

    @MockitoSpyBean
    private RebuildStore schemas;

    @Autowired
    private ReadModelRebuild rebuilds;

    @Test
    void whatTheLiveConsumersAppliedToTheOldSchemaAfterTheTargetIsCaughtUpOnce() throws Exception {
        awaitApplied(publish(placed(district, "mangwon1", LocalDate.of(2026, 11, 2), false, 2)));
        List<EventEnvelope> late = new ArrayList<>();
        doAnswer(swap -> {
                    // the replay has reached its target: these are beyond it, applied live to the old schema only
                    for (int i = 0; i < 5; i++) {
                        late.add(publish(placed(district, "hapjeong", LocalDate.of(2026, 11, 10 + i), false, 1)));
                    }
                    late.add(publishTwice(placed(district, "hapjeong", LocalDate.of(2026, 11, 20), true, 1)));
                    awaitApplied(late.toArray(EventEnvelope[]::new));
                    return swap.callRealMethod();
                })
                .when(schemas)
                .swap(anyList());

        Rebuild rebuild = rebuilds.start();
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> !rebuild.running());

        assertThat(rebuild.state()).as(String.valueOf(rebuild.failure())).isEqualTo(Rebuild.State.DONE);
        assertThat(rebuild.streams().get(CareTopics.ORDERS).caughtUp()).isGreaterThanOrEqualTo(late.size() + 1);
        assertThat(timesApplied(late.toArray(EventEnvelope[]::new))).isEqualTo(late.size());
        districtKpi("orders", district, "2026-11")
                .jsonPath("$.placed")
                .isEqualTo(7)
                .jsonPath("$.urgent")
                .isEqualTo(1)
                .jsonPath("$.linesRequested")
                .isEqualTo(8);
        // and the live consumer, going on in the new schema, counts none of them again
        awaitApplied(publish(placed(district, "seogyo", LocalDate.of(2026, 11, 25), false, 1)));
        districtKpi("orders", district, "2026-11").jsonPath("$.placed").isEqualTo(8);
    }
}
