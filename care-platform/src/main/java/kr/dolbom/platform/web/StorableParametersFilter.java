package kr.dolbom.platform.web;

import java.util.List;
import java.util.Map;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Query parameters and path segments PostgreSQL could not store ({@link StorableText}), refused with 400
 * before any handler sees them: a NUL in {@code ?district=} would otherwise reach a query and fail there as
 * a 500. Request bodies are checked as they are read ({@link StorableTextDeserializer}).
 */
final class StorableParametersFilter implements WebFilter, Ordered {

    static final int ORDER = LoadSheddingFilter.ORDER + 10;

    private final ProblemResponses problems;

    StorableParametersFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Map.Entry<String, List<String>> parameter :
                exchange.getRequest().getQueryParams().entrySet()) {
            String problem = StorableText.problem(parameter.getKey());
            for (String value : parameter.getValue()) {
                if (problem == null && value != null) {
                    problem = StorableText.problem(value);
                }
            }
            if (problem != null) {
                return refuse(exchange, parameter.getKey(), problem);
            }
        }
        for (PathContainer.Element element :
                exchange.getRequest().getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                String problem = StorableText.problem(segment.valueToMatch());
                if (problem != null) {
                    return refuse(exchange, "path", "segment '" + segment.value() + "' " + problem);
                }
            }
        }
        return chain.filter(exchange);
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String field, String problem) {
        return problems.write(
                exchange,
                HttpStatus.BAD_REQUEST,
                Problems.withFieldErrors(HttpStatus.BAD_REQUEST, List.of(new Violation(field, problem))));
    }
}
