package kr.dolbom.billing.tariff;

import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/v1/tariffs")
class TariffController {

    private final TariffStore tariffs;

    TariffController(TariffStore tariffs) {
        this.tariffs = tariffs;
    }

    /** Every tariff with the day it took effect; each is in force until the next one of its service. */
    @GetMapping
    Flux<Tariff> listTariffs(Caller caller) {
        BillingAccess.LIST_TARIFFS.admit(caller);
        return tariffs.all();
    }
}
