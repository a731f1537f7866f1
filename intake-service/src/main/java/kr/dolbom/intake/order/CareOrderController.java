package kr.dolbom.intake.order;

import java.util.UUID;
import kr.dolbom.intake.access.IntakeAccess;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
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

    /** The order's status and lines, no personal data; a forged id of another district is not found. */
    @GetMapping("/{id}")
    Mono<CareOrderView> readCareOrder(Caller caller, @PathVariable("id") UUID id) {
        IntakeAccess.READ_CARE_ORDER.admit(caller);
        return orders.holderOf(id)
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("care order", id)))
                .doOnNext(holder -> IntakeAccess.READ_CARE_ORDER.reveal(caller, holder, "care order", id))
                .then(orders.find(id))
                .zipWith(orders.history(id).collectList(), CareOrderView::of)
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("care order", id)));
    }
}
