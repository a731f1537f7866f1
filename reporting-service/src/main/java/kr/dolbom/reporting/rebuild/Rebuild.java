package kr.dolbom.reporting.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One rebuild of the read models (재구축) and how far it has come. Written by the rebuild's own thread, read by
 * whoever asks; each figure is safe to read at any moment, not all of them at one same moment.
 */
public final class Rebuild {

    /** What it is doing now. */
    public enum State {
        /** Creating the shadow schema and reading where each stream ends. */
        PREPARING,
        /**
         * Reading every stream from its beginning to where it ended at the start, into the shadow, then writing the
         * shadow to the WAL whole.
         */
        REPLAYING,
        /** Renaming the shadow into the live schema, in one transaction. */
        SWAPPING,
        /** Applying, to the new live schema, what came on the streams while it was being filled. */
        CATCHING_UP,
        DONE,
        FAILED
    }

    /** One stream: records to read in the replay (its end at the start, less where it begins) and read so far. */
    public static final class Stream {

        private final AtomicLong target = new AtomicLong();
        private final AtomicLong read = new AtomicLong();
        private final AtomicLong caughtUp = new AtomicLong();

        public long target() {
            return target.get();
        }

        public long read() {
            return read.get();
        }

        public long caughtUp() {
            return caughtUp.get();
        }
    }

    private final UUID id = UUID.randomUUID();
    private final Instant startedAt;
    private final Map<String, Stream> streams = new LinkedHashMap<>();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private volatile State state = State.PREPARING;
    private volatile @Nullable Instant replayStartedAt;
    private volatile @Nullable Instant replayFinishedAt;
    private volatile @Nullable Instant finishedAt;
    private volatile @Nullable String failure;

    Rebuild(Iterable<String> topics, Instant startedAt) {
        topics.forEach(topic -> streams.put(topic, new Stream()));
        this.startedAt = startedAt;
    }

    public UUID id() {
        return id;
    }

    public State state() {
        return state;
    }

    public boolean running() {
        return state != State.DONE && state != State.FAILED;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }

    public @Nullable String failure() {
        return failure;
    }

    /** The streams in the order they were named. */
    public Map<String, Stream> streams() {
        return streams;
    }

    /** How many events were applied, were copies of one applied before, passed by (a type not counted), or unreadable. */
    public Map<String, Long> outcomes() {
        Map<String, Long> counted = new LinkedHashMap<>();
        outcomes.forEach((outcome, count) -> counted.put(outcome, count.get()));
        return counted;
    }

    public long read() {
        return streams.values().stream().mapToLong(Stream::read).sum();
    }

    public long target() {
        return streams.values().stream().mapToLong(Stream::target).sum();
    }

    /** Records read per second of replay, so far or in all; none before the replay has begun. */
    public @Nullable Long eventsPerSecond(Instant now) {
        Instant from = replayStartedAt;
        if (from == null) {
            return null;
        }
        Instant to = replayFinishedAt == null ? now : replayFinishedAt;
        long millis = Math.max(1, Duration.between(from, to).toMillis());
        return read() * 1000 / millis;
    }

    private Stream stream(String topic) {
        Stream stream = streams.get(topic);
        if (stream == null) {
            throw new IllegalArgumentException(topic + " is not replayed");
        }
        return stream;
    }

    void target(String topic, long records) {
        stream(topic).target.addAndGet(records);
    }

    void read(String topic, long records) {
        stream(topic).read.addAndGet(records);
    }

    void caughtUp(String topic, long records) {
        stream(topic).caughtUp.addAndGet(records);
    }

    void counted(String outcome, long events) {
        outcomes.computeIfAbsent(outcome, ignored -> new AtomicLong()).addAndGet(events);
    }

    void replaying(Instant now) {
        replayStartedAt = now;
        state = State.REPLAYING;
    }

    void swapping(Instant now) {
        replayFinishedAt = now;
        state = State.SWAPPING;
    }

    void catchingUp() {
        state = State.CATCHING_UP;
    }

    void done(Instant now) {
        finishedAt = now;
        state = State.DONE;
    }

    void failed(Instant now, String reason) {
        finishedAt = now;
        failure = reason;
        state = State.FAILED;
    }
}
