package kr.dolbom.platform.web;

import java.net.URI;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes a problem from a {@code WebFilter} or the security chain, which answer before any handler and so before
 * the advice: the same shape ({@link Problems}), written by the same codecs as the advice's answers.
 */
public final class ProblemResponses {

    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final ServerCodecConfigurer codecs;

    public ProblemResponses(ServerCodecConfigurer codecs) {
        this.codecs = codecs;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, ProblemDetail problem) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        exchange.getResponse().setStatusCode(status);
        @SuppressWarnings("unchecked")
        HttpMessageWriter<ProblemDetail> writer = (HttpMessageWriter<ProblemDetail>) codecs.getWriters().stream()
                .filter(candidate -> candidate.canWrite(PROBLEM, MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no writer for problem+json"));
        return writer.write(
                Mono.just(problem), PROBLEM, MediaType.APPLICATION_PROBLEM_JSON, exchange.getResponse(), Map.of());
    }
}
