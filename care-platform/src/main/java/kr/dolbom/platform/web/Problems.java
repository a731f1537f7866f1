package kr.dolbom.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The client errors a handler raises, as RFC 9457 problem details. Field problems list the offending
 * fields under {@code errors}, the same shape as bean-validation and JSON errors.
 */
public final class Problems {

    private Problems() {
    }

    /** 400: the value of a field is not acceptable on its own. */
    public static ErrorResponseException invalidField(String field, String message) {
        return fieldProblem(HttpStatus.BAD_REQUEST, field, message);
    }

    /** 400: several fields at once, so that a form can show every problem in one round trip. */
    public static ErrorResponseException invalidFields(List<FieldError> errors) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, withFieldErrors(HttpStatus.BAD_REQUEST, errors), null);
    }

    /** 422: a well-formed request that the rules of the domain refuse. */
    public static ErrorResponseException ruleViolated(String field, String message) {
        return fieldProblem(HttpStatus.UNPROCESSABLE_CONTENT, field, message);
    }

    public static ErrorResponseException notFound(String what, Object id) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, what + " " + id + " not found"), null);
    }

    public static ErrorResponseException conflict(String detail) {
        return new ErrorResponseException(HttpStatus.CONFLICT,
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail), null);
    }

    static ProblemDetail withFieldErrors(HttpStatus status, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, errors.stream()
                .map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(status.getReasonPhrase()));
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return problem;
    }

    private static ErrorResponseException fieldProblem(HttpStatus status, String field, String message) {
        return new ErrorResponseException(status, withFieldErrors(status, List.of(new FieldError(field, message))),
                null);
    }

    /** A field by its JSON path ({@code services[0].minutesPerVisit}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
