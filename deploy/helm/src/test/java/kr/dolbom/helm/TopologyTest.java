package kr.dolbom.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ownership the ACLs enforce, read from the code; the chart's checks compare the rendering with the same. */
class TopologyTest {

    @Test
    void eachStreamHasOneOwner() {
        Topology topology = Topology.fromSources();

        assertThat(topology.produces())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "intake-service", Set.of("care.orders.v1"),
                        "matching-service", Set.of("care.assignments.v1", "care.deliveries.v1"),
                        "billing-service", Set.of("care.charges.v1"),
                        "reporting-service", Set.of()));
    }

    @Test
    void everyServiceConsumesSomething() {
        Topology topology = Topology.fromSources();

        assertThat(topology.consumes())
                .allSatisfy((service, streams) ->
                        assertThat(streams).as(service).isNotEmpty().isSubsetOf(topology.streams()));
        assertThat(topology.deadLetterTopics()).contains("care.orders.v1.matching-service.dlq");
    }
}
