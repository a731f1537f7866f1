package kr.dolbom.platform.web;

import java.util.List;
import java.util.Map;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details, the one shape of every client error. Field problems list the offending fields
 * under {@code errors}, whether bean validation, unreadable JSON or a domain rule found them.
 */
final class Problems {

    private Problems() {}

    static HttpStatus statusOf(RuleViolation.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case STALE -> HttpStatus.PRECONDITION_FAILED;
        };
    }

    /** The violation's message or fields, and each of its properties as a member of the problem. */
    static ProblemDetail of(RuleViolation violation) {
        HttpStatus status = statusOf(violation.kind());
        ProblemDetail problem = violation.violations().isEmpty()
                ? ProblemDetail.forStatusAndDetail(status, violation.getMessage())
                : withFieldErrors(status, violation.violations());
        violation.properties().forEach(problem::setProperty);
        return problem;
    }

    static ProblemDetail withFieldErrors(HttpStatus status, List<Violation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                errors.stream()
                        .map(error -> error.field() + ": " + error.message())
                        .reduce((a, b) -> a + "; " + b)
                        .orElse(status.getReasonPhrase()));
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(error -> Map.of("field", error.field(), "message", error.message()))
                        .toList());
        return problem;
    }
}
