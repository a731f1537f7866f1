package kr.dolbom.matching.provider;

import jakarta.validation.constraints.NotBlank;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@RequestMapping("/api/v1/providers")
class ProviderController {

    private final ProviderStore providers;

    ProviderController(ProviderStore providers) {
        this.providers = providers;
    }

    /** The registry of one district: members, their zones, services, capacity and current load. */
    @GetMapping
    Flux<ProviderView> listProviders(Caller caller, @RequestParam("district") @NotBlank String district) {
        MatchingAccess.LIST_PROVIDERS.reveal(caller, Holder.district(district), "district", district);
        return providers.providers(district);
    }
}
