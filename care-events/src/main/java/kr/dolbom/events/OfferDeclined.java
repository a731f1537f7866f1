package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 거절: the member said no, gave no answer in time ({@link DeclineReason#EXPIRED}), or the offer was withdrawn
 * (the order was held or ended, the window dispatched the line by hand); the capacity it held is free again and
 * the line goes to the next candidate.
 *
 * @param note the member's or the window's words, at most 500 characters
 */
public record OfferDeclined(
        UUID careOrderId,
        UUID lineId,
        UUID offerId,
        ServiceType serviceType,
        String providerId,
        String district,
        boolean urgent,
        DeclineReason reason,
        @Nullable String note,
        Instant offeredAt,
        Instant declinedAt,
        LocalDate declinedOn)
        implements CareEvent {

    public static final int LONGEST_NOTE = 500;

    public OfferDeclined {
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(offerId, "offerId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(district, "district");
        present(reason, "reason");
        present(offeredAt, "offeredAt");
        present(declinedAt, "declinedAt");
        present(declinedOn, "declinedOn");
        check(note == null || note.length() <= LONGEST_NOTE, "note is longer than " + LONGEST_NOTE);
    }

    @Override
    public LocalDate businessDate() {
        return declinedOn;
    }
}
