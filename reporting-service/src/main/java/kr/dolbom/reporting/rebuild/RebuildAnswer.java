package kr.dolbom.reporting.rebuild;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rebuild as an operator follows it.
 *
 * @param streams         per stream: records to replay (where it ended when the rebuild began), read so far, and
 *                        applied after the swap (what came meanwhile)
 * @param read            records read by the replay, of {@code target}
 * @param eventsPerSecond records read per second of replay; null before it begins
 * @param outcomes        events applied, duplicate (a copy of one applied before: counted once), ignored (a type
 *                        reporting does not count), malformed (dead-lettered by the live consumers too)
 * @param recordedAt      when these figures were taken: now, from the instance running it; else when that instance
 *                        last recorded them (a running rebuild records every second: an older one's instance stopped)
 */
public record RebuildAnswer(
        UUID id,
        Rebuild.State state,
        Instant startedAt,
        @Nullable Instant finishedAt,
        long read,
        long target,
        @Nullable Long eventsPerSecond,
        List<StreamProgress> streams,
        Map<String, Long> outcomes,
        @Nullable String failure,
        Instant recordedAt) {

    public record StreamProgress(String topic, long target, long read, long caughtUp) {}

    static RebuildAnswer of(Rebuild rebuild, Instant now) {
        return new RebuildAnswer(
                rebuild.id(),
                rebuild.state(),
                rebuild.startedAt(),
                rebuild.finishedAt(),
                rebuild.read(),
                rebuild.target(),
                rebuild.eventsPerSecond(now),
                rebuild.streams().entrySet().stream()
                        .map(stream -> new StreamProgress(
                                stream.getKey(),
                                stream.getValue().target(),
                                stream.getValue().read(),
                                stream.getValue().caughtUp()))
                        .toList(),
                rebuild.outcomes(),
                rebuild.failure(),
                now);
    }
}
