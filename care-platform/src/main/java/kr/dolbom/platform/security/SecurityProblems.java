package kr.dolbom.platform.security;

import java.net.URI;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 in the one shape of every client error, RFC 9457 problem details. The body never says why a token
 * failed (expired, wrong issuer, bad signature): that would guide whoever forges one; the server's log does.
 */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private static final ResolvableType PROBLEM = ResolvableType.forClass(ProblemDetail.class);

    private final ServerCodecConfigurer codecs;

    SecurityProblems(ServerCodecConfigurer codecs) {
        this.codecs = codecs;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        // RFC 6750 §3: say that a bearer token is expected, and whether the one given was refused
        exchange.getResponse()
                .getHeaders()
                .set(
                        HttpHeaders.WWW_AUTHENTICATE,
                        failure instanceof InvalidBearerTokenException ? "Bearer error=\"invalid_token\"" : "Bearer");
        return write(exchange, HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, HttpStatus.FORBIDDEN, "This caller may not do this.");
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
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
