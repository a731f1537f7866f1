package kr.dolbom.matching.assignment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import kr.dolbom.events.DeclineReason;
import kr.dolbom.events.OfferDeclined;
import kr.dolbom.matching.access.MatchingAccess;
import kr.dolbom.matching.provider.ProviderStore;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A member reads the lines offered to it and answers each (수락/거절) before its deadline. */
@RestController
@RequestMapping("/api/v1/offers")
class OfferController {

    private final OfferStore offers;
    private final Offering offering;
    private final ProviderStore providers;

    OfferController(OfferStore offers, Offering offering, ProviderStore providers) {
        this.offers = offers;
        this.offering = offering;
        this.providers = providers;
    }

    /** A member's open offers, oldest first. */
    @GetMapping
    Flux<OfferView> listOffers(Caller caller, @RequestParam("provider") @NotBlank String provider) {
        MatchingAccess.LIST_OFFERS.admit(caller);
        return providers
                .districtOf(provider)
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("provider", provider)))
                .doOnNext(district -> MatchingAccess.LIST_OFFERS.reveal(
                        caller, Holder.district(district).heldBy(provider), "provider", provider))
                .thenMany(offers.openOf(provider))
                .map(OfferView::of);
    }

    @GetMapping("/{offerId}")
    Mono<OfferView> readOffer(Caller caller, @PathVariable("offerId") UUID offerId) {
        MatchingAccess.READ_OFFER.admit(caller);
        return offers.find(offerId)
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("offer", offerId)))
                .doOnNext(offer -> MatchingAccess.READ_OFFER.reveal(caller, offer.holder(), "offer", offerId))
                .map(OfferView::of);
    }

    /**
     * 수락: 200 with the accepted offer; the line is the member's from now on. The same yes again answers the same;
     * 409 for a declined, withdrawn or expired offer.
     */
    @PostMapping("/{offerId}/acceptance")
    Mono<OfferView> acceptOffer(Caller caller, @PathVariable("offerId") UUID offerId) {
        return offering.accept(caller, offerId).map(OfferView::of);
    }

    /** 거절: 200 with the declined offer; the line goes to the next candidate. 409 as for acceptance. */
    @PostMapping("/{offerId}/decline")
    Mono<OfferView> declineOffer(
            Caller caller, @PathVariable("offerId") UUID offerId, @Valid @RequestBody Decline decline) {
        if (decline.reason() == DeclineReason.OTHER
                && (decline.note() == null || decline.note().isBlank())) {
            return Mono.error(RuleViolation.invalid("note", "must say why when the reason is OTHER"));
        }
        return offering.decline(caller, offerId, decline.reason(), decline.note())
                .map(OfferView::of);
    }

    /**
     * @param reason NO_WORKER_AVAILABLE, SCHEDULE_CONFLICT, NEEDS_NOT_MET or OTHER
     * @param note the member's words, required with OTHER
     */
    record Decline(
            @NotNull DeclineReason reason,

            @Nullable @Size(max = OfferDeclined.LONGEST_NOTE)
            String note) {}
}
