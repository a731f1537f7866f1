package kr.dolbom.events;

import static kr.dolbom.events.Invariants.present;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** 수락: the member took the line it was offered; {@link LineAssigned} follows in the same transaction. */
public record OfferAccepted(
        UUID careOrderId,
        UUID lineId,
        UUID offerId,
        ServiceType serviceType,
        String providerId,
        String district,
        boolean urgent,
        Instant offeredAt,
        Instant acceptedAt,
        LocalDate acceptedOn)
        implements CareEvent {

    public OfferAccepted {
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(offerId, "offerId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(district, "district");
        present(offeredAt, "offeredAt");
        present(acceptedAt, "acceptedAt");
        present(acceptedOn, "acceptedOn");
        Invariants.check(!acceptedAt.isBefore(offeredAt), "acceptedAt " + acceptedAt + " is before offeredAt");
    }

    @Override
    public LocalDate businessDate() {
        return acceptedOn;
    }
}
