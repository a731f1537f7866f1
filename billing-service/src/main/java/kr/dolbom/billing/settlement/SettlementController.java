package kr.dolbom.billing.settlement;

import jakarta.validation.constraints.NotBlank;
import java.time.YearMonth;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/settlements")
class SettlementController {

    private final SettlementStore settlements;

    SettlementController(SettlementStore settlements) {
        this.settlements = settlements;
    }

    /** The month's total for one provider; a month without deliveries settles at zero. */
    @GetMapping
    Mono<Settlement> readSettlement(
            Caller caller,
            @RequestParam("provider") @NotBlank String provider,
            @RequestParam("month") YearMonth month) {
        BillingAccess.READ_SETTLEMENT.admit(caller);
        if (caller.worksFor(provider)) {
            return settlements.ofMonth(provider, month);
        }
        // a billing officer settles the providers its district has charged; any other is not found
        return settlements
                .districtOf(provider)
                .filter(district -> BillingAccess.READ_SETTLEMENT.reaches(
                        caller, Holder.district(district).heldBy(provider)))
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("provider", provider)))
                .then(settlements.ofMonth(provider, month));
    }
}
