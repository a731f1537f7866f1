package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 반납: a provider gave back a line it had accepted, for one of a member's own reasons. A {@link LineReassigned}
 * follows in the same transaction, naming who took the line over.
 */
public record LineHandedBack(
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        DeclineReason reason,
        String district,
        String dong,
        LocalDate handedBackOn)
        implements CareEvent {

    public LineHandedBack {
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(reason, "reason");
        present(district, "district");
        present(dong, "dong");
        present(handedBackOn, "handedBackOn");
        check(reason.givenByProvider(), reason + " is not a reason a provider gives");
    }

    @Override
    public LocalDate businessDate() {
        return handedBackOn;
    }
}
