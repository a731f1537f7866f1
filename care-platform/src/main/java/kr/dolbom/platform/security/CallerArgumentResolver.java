package kr.dolbom.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A handler's {@link Caller} parameter, without any security annotation in the handler. Without it WebFlux would
 * bind a {@code Caller} from query parameters, and anyone could name their own role; so a request without an
 * authenticated caller gets 401 (the security filter's answer to an anonymous caller being denied), never a
 * default.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(
            MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .ofType(Caller.class)
                .cast(Object.class)
                .switchIfEmpty(Mono.error(() -> new AccessDeniedException("no authenticated caller")));
    }
}
