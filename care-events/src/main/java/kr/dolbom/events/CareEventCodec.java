package kr.dolbom.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of the contracts. Readers are tolerant (unknown fields are ignored, so a producer can add a field
 * without breaking a consumer); a field renamed or removed shows up in the contract tests.
 */
public final class CareEventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    public byte[] encode(CareEvent event) {
        return json.writeValueAsBytes(event);
    }

    public CareEvent decode(CareEventType type, byte[] payload) {
        try {
            return json.readValue(payload, type.javaType());
        } catch (JacksonException e) {
            // An invariant the record's constructor checks arrives wrapped by Jackson; its own words are clearer.
            if (e.getCause() instanceof MalformedEventException invalid) {
                throw new MalformedEventException(type.cloudEventType() + ": " + invalid.getMessage(), e);
            }
            throw new MalformedEventException("unreadable " + type.cloudEventType() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a record from its CloudEvents headers and JSON value; anything missing makes it malformed. */
    public EventEnvelope read(Function<String, String> header, byte[] payload) {
        String id = required(header, CloudEventHeaders.ID);
        String typeName = required(header, CloudEventHeaders.TYPE);
        CareEventType type = CareEventType.ofCloudEventType(typeName)
                .orElseThrow(() -> new MalformedEventException("unknown event type " + typeName));
        if (payload == null || payload.length == 0) {
            throw new MalformedEventException("empty payload for " + typeName);
        }
        CareEvent data = decode(type, payload);
        try {
            return new EventEnvelope(
                    UUID.fromString(id),
                    type,
                    required(header, CloudEventHeaders.SOURCE),
                    Instant.parse(required(header, CloudEventHeaders.TIME)),
                    data);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("bad CloudEvents attribute: " + e.getMessage(), e);
        }
    }

    private static String required(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing header " + name);
        }
        return value;
    }
}
