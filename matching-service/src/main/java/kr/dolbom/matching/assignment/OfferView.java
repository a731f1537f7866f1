package kr.dolbom.matching.assignment;

import java.time.Instant;
import java.util.UUID;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/** An offer as the member and the window see it; the ranking behind it is the window's only. */
record OfferView(
        UUID offerId,
        UUID lineId,
        UUID careOrderId,
        String providerId,
        ServiceType serviceType,
        String district,
        String dong,
        boolean urgent,
        int round,
        Instant offeredAt,
        Instant answerBy,
        Offer.Status status,
        @Nullable Instant answeredAt,
        @Nullable String reason,
        @Nullable String note) {

    static OfferView of(Offer offer) {
        return new OfferView(
                offer.offerId(),
                offer.lineId(),
                offer.careOrderId(),
                offer.providerId(),
                offer.serviceType(),
                offer.district(),
                offer.dong(),
                offer.urgent(),
                offer.round(),
                offer.offeredAt(),
                offer.answerBy(),
                offer.status(),
                offer.answeredAt(),
                offer.reason(),
                offer.note());
    }
}
