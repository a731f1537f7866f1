package kr.dolbom.events;

import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/** A service line went to a provider; {@code lastResort} marks the public home-care centre taking it. */
public record LineAssigned(
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        boolean lastResort,
        String district,
        String dong,
        LocalDate assignedOn)
        implements CareEvent {

    public LineAssigned {
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(serviceType, "serviceType");
        present(providerId, "providerId");
        present(district, "district");
        present(dong, "dong");
        present(assignedOn, "assignedOn");
    }

    @Override
    public LocalDate businessDate() {
        return assignedOn;
    }
}
