package kr.dolbom.platform.inbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * What one consumer does with each event type it cares about. Types it does not list pass by without
 * touching its database.
 */
public final class EventHandlers {

    private final Map<Class<? extends CareEvent>, BiFunction<CareEvent, EventEnvelope, Mono<?>>> byType =
            new LinkedHashMap<>();

    private EventHandlers() {}

    public static EventHandlers handling() {
        return new EventHandlers();
    }

    /** For a handler that needs only the event, usually a method reference: {@code on(Placed.class, matching::assign)}. */
    public <E extends CareEvent> EventHandlers on(Class<E> type, Function<E, Mono<?>> handler) {
        return on(type, (event, envelope) -> handler.apply(event));
    }

    /** For a handler that needs the envelope too, e.g. the time the fact became true. */
    public <E extends CareEvent> EventHandlers on(Class<E> type, BiFunction<E, EventEnvelope, Mono<?>> handler) {
        byType.put(type, (event, envelope) -> handler.apply(type.cast(event), envelope));
        return this;
    }

    Set<Class<? extends CareEvent>> types() {
        return byType.keySet();
    }

    Optional<BiFunction<CareEvent, EventEnvelope, Mono<?>>> handlerFor(CareEvent event) {
        return Optional.ofNullable(byType.get(event.getClass()));
    }
}
