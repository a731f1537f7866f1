package kr.dolbom.platform.security;

import kr.dolbom.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
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
        return problems.write(exchange, status, ProblemDetail.forStatusAndDetail(status, detail));
    }
}
