package kr.dolbom.matching.delivery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import kr.dolbom.events.VoidReason;
import kr.dolbom.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    private final DeliveryReporting reporting;
    private final DeliveryReview review;

    DeliveryController(DeliveryReporting reporting, DeliveryReview review) {
        this.reporting = reporting;
        this.review = review;
    }

    /**
     * 201 with the recorded delivery, {@code VERIFIED} or {@code HELD} with its reason; 409 for a visit or day
     * already reported; 422 naming the field for a day outside the line or before it was assigned.
     */
    @PostMapping
    Mono<ResponseEntity<DeliveryView>> reportDelivery(Caller caller, @Valid @RequestBody DeliveryReport report) {
        return reporting
                .report(caller, report)
                .map(delivery -> ResponseEntity.created(URI.create("/api/v1/deliveries/" + delivery.deliveryId()))
                        .body(delivery));
    }

    @GetMapping("/{id}")
    Mono<DeliveryView> readDelivery(Caller caller, @PathVariable("id") UUID id) {
        return reporting.find(caller, id);
    }

    /** 보류 목록: the held deliveries of a provider ({@code ?provider=}) or of a district ({@code ?district=}). */
    @GetMapping("/held")
    Flux<DeliveryView> listHeldDeliveries(
            Caller caller,
            @RequestParam(name = "provider", defaultValue = "") String provider,
            @RequestParam(name = "district", defaultValue = "") String district) {
        return review.held(caller, provider, district);
    }

    /** 승인: 200, announced as delivered; the same answer again; 409 naming the status if it is not held. */
    @PostMapping("/{id}/release")
    Mono<DeliveryView> releaseDelivery(Caller caller, @PathVariable("id") UUID id, @Valid @RequestBody Note note) {
        return review.release(caller, id, note.note());
    }

    /** 반려: 200, never paid; the same answer again; 409 naming the status if it is not held. */
    @PostMapping("/{id}/reject")
    Mono<DeliveryView> rejectDelivery(Caller caller, @PathVariable("id") UUID id, @Valid @RequestBody Note note) {
        return review.reject(caller, id, note.note());
    }

    /** 제공 취소: 200 for an announced delivery; 409 naming the status for a voided, held or rejected one. */
    @PostMapping("/{id}/void")
    Mono<DeliveryView> voidDelivery(Caller caller, @PathVariable("id") UUID id, @Valid @RequestBody Voiding body) {
        return review.voidDelivery(caller, id, body.reason(), body.note());
    }

    record Note(@NotBlank @Size(max = 500) String note) {}

    record Voiding(
            @NotNull VoidReason reason,
            @NotBlank @Size(max = 500) String note) {}
}
