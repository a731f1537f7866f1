package kr.dolbom.billing.settlement;

import jakarta.validation.constraints.NotBlank;
import java.time.YearMonth;
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
    Mono<Settlement> settlement(
            @RequestParam("provider") @NotBlank String provider, @RequestParam("month") YearMonth month) {
        return settlements.ofMonth(provider, month);
    }
}
