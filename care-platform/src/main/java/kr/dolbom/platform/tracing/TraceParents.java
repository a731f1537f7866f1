package kr.dolbom.platform.tracing;

import io.micrometer.observation.ObservationView;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * The W3C {@code traceparent} of the work in hand — the observation in the Reactor context, which WebFlux puts there
 * for a request and the consumers for an event — so that the events it causes carry it on.
 */
public final class TraceParents {

    /** The Kafka header, named as in W3C Trace Context. */
    public static final String HEADER = "traceparent";

    private final @Nullable Propagator propagator;

    /** @param propagator null where tracing is off: no event carries a trace context then */
    public TraceParents(@Nullable Propagator propagator) {
        this.propagator = propagator;
    }

    /** The traceparent of the traced observation in {@code context}, or null when nothing there is traced. */
    public @Nullable String of(ContextView context) {
        Propagator inject = propagator;
        Object observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (inject == null || !(observation instanceof ObservationView view)) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                view.getContextView().get(TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        inject.inject(span.context(), carrier, (map, key, value) -> {
            if (map != null) {
                map.put(key, value);
            }
        });
        return carrier.get(HEADER);
    }
}
