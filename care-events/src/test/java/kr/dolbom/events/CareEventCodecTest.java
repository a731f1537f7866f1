package kr.dolbom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CareEventCodecTest {

    private final CareEventCodec codec = new CareEventCodec();
    private final EventEnvelope envelope = EventEnvelope.of(
            SampleEvents.of(CareEventType.ORDER_REJECTED),
            "/dolbom/intake-service",
            Instant.parse("2026-11-02T01:02:03Z"));

    @Test
    void readsWhatItWrote() {
        Map<String, String> headers = CloudEventHeaders.of(envelope);

        EventEnvelope read = codec.read(headers::get, codec.encode(envelope.data()));

        assertThat(read).isEqualTo(envelope);
        assertThat(headers)
                .containsEntry("ce_subject", SampleEvents.ORDER.toString())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "kr.dolbom.care.order.rejected.v1");
    }

    @Test
    void ignoresFieldsItDoesNotKnowSoProducersCanAddThem() {
        String withExtraField = new String(codec.encode(envelope.data()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\":42,");

        EventEnvelope read =
                codec.read(CloudEventHeaders.of(envelope)::get, withExtraField.getBytes(StandardCharsets.UTF_8));

        assertThat(read.data()).isEqualTo(envelope.data());
    }

    @Test
    void refusesARecordWithoutItsType() {
        Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(envelope));
        headers.remove(CloudEventHeaders.TYPE);

        assertThatThrownBy(() -> codec.read(headers::get, codec.encode(envelope.data())))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void refusesAnUnknownTypeAndBrokenJson() {
        Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(envelope));
        headers.put(CloudEventHeaders.TYPE, "kr.dolbom.care.order.teleported.v1");
        assertThatThrownBy(() -> codec.read(headers::get, codec.encode(envelope.data())))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown event type");

        assertThatThrownBy(() -> codec.read(
                        CloudEventHeaders.of(envelope)::get, "{\"careOrderId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unreadable");
    }

    @Test
    void refusesAnEventWithoutItsCareOrder() {
        assertThatThrownBy(() -> codec.read(
                        CloudEventHeaders.of(envelope)::get,
                        "{\"reason\":\"NOT_IN_TARGET_GROUP\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("careOrderId");
    }

    @Test
    void refusesAnEventThatBreaksItsOwnInvariants() {
        String split = new String(codec.encode(SampleEvents.of(CareEventType.DELIVERY_CHARGED)), StandardCharsets.UTF_8)
                .replaceFirst("\"publicShare\":\\d+", "\"publicShare\":-1");

        assertThatThrownBy(() -> codec.decode(CareEventType.DELIVERY_CHARGED, split.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("publicShare");
    }
}
