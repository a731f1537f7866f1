package kr.dolbom.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Bounds the API requests one instance works on at once. Past the bound a request is answered 503 at once,
 * with {@code Retry-After}, instead of joining a queue for the connection pool where it would wait its
 * acquire time out and slow every request behind it: the ones already accepted keep their latency, and a
 * client (or the load balancer) tries another moment or another instance. Actuator paths are exempt, so that
 * probes and metrics still answer when the instance is saturated.
 */
final class LoadSheddingFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final int maxInFlight;
    private final String exemptPrefix;
    private final ProblemResponses problems;
    private final Counter shed;
    private final AtomicInteger inFlight = new AtomicInteger();

    LoadSheddingFilter(int maxInFlight, String exemptPrefix, ProblemResponses problems, MeterRegistry meters) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("dolbom.web.max-in-flight must be at least 1, not " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.exemptPrefix = exemptPrefix.endsWith("/") ? exemptPrefix : exemptPrefix + "/";
        this.problems = problems;
        this.shed = Counter.builder("dolbom.web.shed")
                .description("API requests answered 503 because the instance had max-in-flight requests open")
                .register(meters);
        meters.gauge("dolbom.web.in.flight", inFlight);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith(exemptPrefix) || path.equals(exemptPrefix.substring(0, exemptPrefix.length() - 1))) {
            return chain.filter(exchange);
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            shed.increment();
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return problems.write(
                    exchange,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "the service is at capacity; nothing was done, retry in a moment"));
        }
        // Released however the request ends: completed, failed, or cancelled by a client that went away.
        return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
    }
}
