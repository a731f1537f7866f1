package kr.dolbom.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every kind of bad input into {@code 400 application/problem+json} that names the field: bean
 * validation, unreadable JSON (the JSON path of the bad value), unknown fields, and bad request parameters.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final int ECHOED_LENGTH = 60;

    /**
     * A problem is problem+json whatever the request accepts: a client of a stream (text/event-stream) would otherwise
     * get its refusal written as an event, which no client reads as an error.
     */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail && headers.getContentType() == null) {
            HttpHeaders typed = new HttpHeaders();
            typed.putAll(headers);
            typed.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            return super.createResponseEntity(body, typed, status, exchange);
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Violation> errors = ex.getFieldErrors().stream()
                .map(error -> new Violation(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        return badRequest(ex, errors, headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            ServerWebExchange exchange) {
        List<Violation> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                body.getFieldErrors()
                        .forEach(error -> errors.add(new Violation(error.getField(), error.getDefaultMessage())));
            } else {
                result.getResolvableErrors()
                        .forEach(error -> errors.add(
                                new Violation(parameterName(result.getMethodParameter()), error.getDefaultMessage())));
            }
        });
        return badRequest(ex, errors, headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(
            MissingRequestValueException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return badRequest(ex, List.of(new Violation(ex.getName(), "is required")), headers, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return badRequest(ex, List.of(describe(ex)), headers, exchange);
    }

    /** The domain said no: the one place where its verdicts become HTTP answers. */
    @ExceptionHandler(RuleViolation.class)
    Mono<ResponseEntity<Object>> ruleViolated(RuleViolation ex, ServerWebExchange exchange) {
        HttpStatus status = Problems.statusOf(ex.kind());
        return handleExceptionInternal(ex, Problems.of(ex), new HttpHeaders(), status, exchange);
    }

    /** The database is out of reach or saturated: the client may retry, nothing was written. */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    Mono<ResponseEntity<Object>> databaseUnavailable(Exception ex, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "the service cannot reach its database right now; nothing was recorded, retry later");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    private Mono<ResponseEntity<Object>> badRequest(
            Exception ex, List<Violation> errors, HttpHeaders headers, ServerWebExchange exchange) {
        return handleExceptionInternal(
                ex,
                Problems.withFieldErrors(HttpStatus.BAD_REQUEST, errors),
                headers,
                HttpStatus.BAD_REQUEST,
                exchange);
    }

    private static Violation describe(ServerWebInputException ex) {
        Optional<JacksonException> json = causeOfType(ex, JacksonException.class);
        if (json.isPresent()) {
            return describe(json.get());
        }
        Optional<TypeMismatchException> mismatch = causeOfType(ex, TypeMismatchException.class);
        String field = ex.getMethodParameter() == null ? "request" : parameterName(ex.getMethodParameter());
        if (mismatch.isPresent()) {
            field = Optional.ofNullable(mismatch.get().getPropertyName()).orElse(field);
            return new Violation(
                    field,
                    "'" + echo(mismatch.get().getValue()) + "' is not a valid "
                            + simpleName(mismatch.get().getRequiredType()));
        }
        if (ex.getReason() != null && ex.getReason().contains("body is missing")) {
            return new Violation("body", "a JSON body is required");
        }
        return new Violation(field, echo(Optional.ofNullable(ex.getReason()).orElse("is not acceptable")));
    }

    private static Violation describe(JacksonException json) {
        String field = jsonPath(json);
        if (json instanceof UnrecognizedPropertyException) {
            return new Violation(field, "is not a known field");
        }
        if (json instanceof InvalidFormatException invalid) {
            Class<?> target = invalid.getTargetType();
            String accepted =
                    target != null && target.isEnum() ? "; one of " + Arrays.toString(target.getEnumConstants()) : "";
            return new Violation(
                    field, "'" + echo(invalid.getValue()) + "' is not a valid " + simpleName(target) + accepted);
        }
        if (json instanceof InputCoercionException coercion && !field.isEmpty()) {
            // a number too large for its field (an amount beyond a long) is that field's fault, not the body's
            return new Violation(field, "is out of range of " + simpleName(coercion.getTargetType()));
        }
        if (json instanceof StreamReadException) {
            String where = field.isEmpty() ? "" : " (in " + field + ")";
            return new Violation("body", "malformed JSON" + where + ": " + echo(json.getOriginalMessage()));
        }
        // Jackson's messages quote the value they could not read: a body of one huge string would come back whole
        return new Violation(field.isEmpty() ? "body" : field, echo(json.getOriginalMessage()));
    }

    /** {@code services[0].type} from Jackson's reference chain. */
    private static String jsonPath(JacksonException json) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The name the client used: the header, query parameter or path variable, else the Java name. */
    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        String declared =
                header != null ? header.name() : param != null ? param.name() : path != null ? path.name() : "";
        if (!declared.isEmpty()) {
            return declared;
        }
        return Optional.ofNullable(parameter.getParameterName()).orElse("parameter " + parameter.getParameterIndex());
    }

    /** The refused value as the caller sent it, cut short: an answer never grows with the size of the input. */
    /** At most {@link #ECHOED_LENGTH} characters of what the client sent, never half a character. */
    private static String echo(@Nullable Object value) {
        String text = String.valueOf(value);
        return text.codePointCount(0, text.length()) <= ECHOED_LENGTH
                ? text
                : text.substring(0, text.offsetByCodePoints(0, ECHOED_LENGTH)) + "…";
    }

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }

    private static <T extends Throwable> Optional<T> causeOfType(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }
}
