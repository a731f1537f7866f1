package kr.dolbom.intake.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
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
     * answer again (marked {@code Idempotent-Replayed: true}) instead of creating a second order.
     */
    @PostMapping
    Mono<ResponseEntity<IntakeAnswer>> submit(
            @Valid @RequestBody CareRequestForm form,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Size(min = 1, max = 200) @Nullable
                    String idempotencyKey) {
        return intake.receive(form, idempotencyKey)
                .map(reply -> ResponseEntity.created(URI.create(
                                "/api/v1/care-orders/" + reply.answer().careOrderId()))
                        .header(REPLAYED, String.valueOf(reply.replayed()))
                        .body(reply.answer()));
    }
}
