package kr.dolbom.reporting;

import java.util.function.Function;
import java.util.function.Supplier;
import kr.dolbom.platform.inbox.RejectedEventException;
import reactor.core.publisher.Mono;

/**
 * Turns an event into the figures it adds and hands them to a store. An event that yields no figures (a
 * missing date, a visit that ends before it starts) is rejected: no retry can fix it, so it goes straight to
 * the dead-letter topic instead of being counted wrong.
 */
public final class EventFigures {

    private EventFigures() {
    }

    public static <T> Mono<Void> record(Supplier<T> figures, Function<T, Mono<Void>> store) {
        return Mono.fromSupplier(figures)
                .onErrorMap(IllegalArgumentException.class, refused -> new RejectedEventException(refused.getMessage()))
                .flatMap(store);
    }

    /**
     * @throws IllegalArgumentException if the value is missing (or blank, for text)
     */
    public static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
