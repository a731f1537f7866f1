package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;
import static kr.dolbom.events.Invariants.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * 연계 제안: the integrated window offered a line to a consortium member, which has until {@code answerBy} to accept
 * or decline; silence counts as a decline. The member's capacity is held for the line meanwhile.
 *
 * @param round 1 for the first member offered the line, 2 for the next after a decline, and so on
 * @param offeredOn the Korean day of the offer
 */
public record LineOffered(
        UUID careOrderId,
        UUID lineId,
        UUID offerId,
        ServiceType serviceType,
        String providerId,
        String district,
        String dong,
        boolean urgent,
        int round,
        Instant offeredAt,
        Instant answerBy,
        LocalDate offeredOn)
        implements CareEvent {

    public LineOffered {
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(offerId, "offerId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(district, "district");
        present(dong, "dong");
        within(round, 1, 1_000, "round");
        present(offeredAt, "offeredAt");
        present(answerBy, "answerBy");
        present(offeredOn, "offeredOn");
        check(answerBy.isAfter(offeredAt), "answerBy " + answerBy + " is not after offeredAt " + offeredAt);
    }

    @Override
    public LocalDate businessDate() {
        return offeredOn;
    }
}
