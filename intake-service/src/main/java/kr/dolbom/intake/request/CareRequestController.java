package kr.dolbom.intake.request;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import kr.dolbom.intake.resident.ResidentDetailsDiffer;
import kr.dolbom.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/care-requests")
class CareRequestController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final RequestIntake intake;

    CareRequestController(RequestIntake intake) {
        this.intake = intake;
    }

    /**
     * 201 with the new order, placed or rejected. With an {@code Idempotency-Key}, a retry gets the first
     * answer again (marked {@code Idempotent-Replayed: true}) instead of creating a second order. A service that
     * an open order of the resident already has is 409 with that order's id: never a second open order of it.
     */
    @PostMapping
    @ApiResponse(
            responseCode = "201",
            description = "The new care order, placed or rejected as not eligible; for a retry with the same "
                    + "Idempotency-Key and body, the first answer again (Idempotent-Replayed: true).",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "Nothing recorded. Either the resident (same name, birth date and phone) has an open care "
                    + "order (PLACED, ASSIGNED, IN_PROGRESS or ON_HOLD) with a running line of a requested "
                    + "service: errors names each such services[i].type and existingOrderId is that order, to be opened and revised instead (a "
                    + "request is neither placed beside it nor merged into it; a rejected, cancelled or completed "
                    + "order does not count). Or the resident's details differ from the record: errors names the "
                    + "resident.* fields, with residentRef and the change to confirm first.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    Mono<ResponseEntity<IntakeAnswer>> submitCareRequest(
            Caller caller,
            @Valid @RequestBody CareRequestForm form,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Size(min = 1, max = 200) @Nullable
                    String idempotencyKey) {
        return intake.receive(caller, form, idempotencyKey)
                .map(reply -> ResponseEntity.created(URI.create(
                                "/api/v1/care-orders/" + reply.answer().careOrderId()))
                        .header(REPLAYED, String.valueOf(reply.replayed()))
                        .body(reply.answer()));
    }

    /**
     * 409 naming the details that differ (as {@code resident.<field>}) and the resident, pointing at the change
     * endpoint; the stored values are not shown.
     */
    @ExceptionHandler(ResidentDetailsDiffer.class)
    ResponseEntity<ProblemDetail> residentDetailsDiffer(ResidentDetailsDiffer differ) {
        String change = "/api/v1/residents/" + differ.residentRef();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                "resident " + differ.residentRef() + " (version " + differ.version() + ") is recorded with other "
                        + String.join(
                                ", ",
                                differ.fields().stream()
                                        .map(f -> "resident." + f)
                                        .toList())
                        + "; a care request does not change a resident's record: confirm the change with PUT "
                        + change + ", then send the request again");
        problem.setTitle("Resident details differ from the record");
        problem.setProperty(
                "errors",
                differ.fields().stream()
                        .map(field ->
                                Map.of("field", "resident." + field, "message", "differs from the resident's record"))
                        .toList());
        problem.setProperty("residentRef", differ.residentRef());
        problem.setProperty("residentVersion", differ.version());
        problem.setProperty("change", Map.of("method", "PUT", "href", change));
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
