package kr.dolbom.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format is a promise to every consumer: renaming, retyping or dropping a field, or changing a
 * type name or topic, must fail here first. A deliberate change comes with a new golden file and, when it
 * breaks readers, a new version in the type and the topic.
 */
class ContractTest {

    private final CareEventCodec codec = new CareEventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(CareEventType.class)
    void writesExactlyTheGoldenJson(CareEventType type) throws IOException {
        JsonNode written = json.readTree(codec.encode(SampleEvents.of(type)));

        assertThat(written).isEqualTo(golden(type));
    }

    @ParameterizedTest
    @EnumSource(CareEventType.class)
    void readsTheGoldenJsonBackToTheSameEvent(CareEventType type) throws IOException {
        byte[] golden = json.writeValueAsBytes(golden(type));

        assertThat(codec.decode(type, golden)).isEqualTo(SampleEvents.of(type));
    }

    @Test
    void typeNamesAndTopicsArePinned() {
        Map<String, String> topicByType = Arrays.stream(CareEventType.values())
                .collect(Collectors.toMap(CareEventType::cloudEventType, CareEventType::topic));

        assertThat(topicByType)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("kr.dolbom.care.order.put-on-hold.v1", "care.orders.v1"),
                        Map.entry("kr.dolbom.care.order.resumed.v1", "care.orders.v1"),
                        Map.entry("kr.dolbom.care.order.cancelled.v1", "care.orders.v1"),
                        Map.entry("kr.dolbom.care.order.started.v1", "care.orders.v1"),
                        Map.entry("kr.dolbom.care.order.completed.v1", "care.orders.v1"),
                        Map.entry("kr.dolbom.care.plan.approved.v1", "care.orders.v1"),
                        Map.entry("kr.dolbom.care.order.placed.v1", "care.orders.v1"),
                        Map.entry("kr.dolbom.care.order.rejected.v1", "care.orders.v1"),
                        Map.entry("kr.dolbom.care.order.income-tier-changed.v1", "care.orders.v1"),
                        Map.entry("kr.dolbom.care.line.offered.v1", "care.assignments.v1"),
                        Map.entry("kr.dolbom.care.offer.accepted.v1", "care.assignments.v1"),
                        Map.entry("kr.dolbom.care.offer.declined.v1", "care.assignments.v1"),
                        Map.entry("kr.dolbom.care.line.assigned.v1", "care.assignments.v1"),
                        Map.entry("kr.dolbom.care.line.handed-back.v1", "care.assignments.v1"),
                        Map.entry("kr.dolbom.care.line.reassigned.v1", "care.assignments.v1"),
                        Map.entry("kr.dolbom.care.service.delivered.v1", "care.deliveries.v1"),
                        Map.entry("kr.dolbom.care.delivery.voided.v1", "care.deliveries.v1"),
                        Map.entry("kr.dolbom.care.delivery.held.v1", "care.deliveries.v1"),
                        Map.entry("kr.dolbom.care.delivery.rejected.v1", "care.deliveries.v1"),
                        Map.entry("kr.dolbom.care.delivery.charged.v1", "care.charges.v1"),
                        Map.entry("kr.dolbom.care.charge.reversed.v1", "care.charges.v1"),
                        Map.entry("kr.dolbom.care.settlement.approved.v1", "care.charges.v1"),
                        Map.entry("kr.dolbom.care.settlement.paid.v1", "care.charges.v1"),
                        Map.entry("kr.dolbom.care.budget.threshold-reached.v1", "care.charges.v1")));
    }

    private JsonNode golden(CareEventType type) throws IOException {
        String resource = "/contracts/" + type.cloudEventType() + ".json";
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            return json.readTree(in);
        }
    }
}
