package kr.dolbom.matching.delivery;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import kr.dolbom.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/deliveries")
class DeliveryController {

    private final DeliveryReporting reporting;

    DeliveryController(DeliveryReporting reporting) {
        this.reporting = reporting;
    }

    /** 201 with the recorded delivery; 409 for a visit or day already reported. */
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
}
