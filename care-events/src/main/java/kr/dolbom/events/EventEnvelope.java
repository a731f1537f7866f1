package kr.dolbom.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A contract instance with its CloudEvents attributes: {@code id} is what consumers deduplicate on,
 * {@code time} is when the fact became true in its service, the subject is the care order (or, for a settlement's
 * events, the settlement).
 */
public record EventEnvelope(UUID id, CareEventType type, String source, Instant time, CareEvent data) {

    public static EventEnvelope of(CareEvent data, String source, Instant time) {
        return new EventEnvelope(UUID.randomUUID(), CareEventType.of(data), source, time, data);
    }

    public String subject() {
        return data.subject();
    }
}
