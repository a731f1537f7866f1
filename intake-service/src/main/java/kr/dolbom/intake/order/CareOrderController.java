package kr.dolbom.intake.order;

import java.util.UUID;
import kr.dolbom.platform.domain.RuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/care-orders")
class CareOrderController {

    private final CareOrderStore orders;

    CareOrderController(CareOrderStore orders) {
        this.orders = orders;
    }

    @GetMapping("/{id}")
    Mono<CareOrderView> order(@PathVariable("id") UUID id) {
        return orders.find(id)
                .zipWith(orders.history(id).collectList(), CareOrderView::of)
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("care order", id)));
    }
}
