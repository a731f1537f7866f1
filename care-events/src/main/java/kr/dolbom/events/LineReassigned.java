package kr.dolbom.events;

import static kr.dolbom.events.Invariants.check;
import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/**
 * 재배정: a line that had its provider went to another. What the first delivered stays its own (and is paid to
 * it); the visits or units left are the new provider's from {@code reassignedOn}. {@code lastResort} marks the
 * public home-care centre taking it.
 */
public record LineReassigned(
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String fromProviderId,
        String toProviderId,
        boolean lastResort,
        ReassignCause cause,
        String district,
        String dong,
        LocalDate reassignedOn)
        implements CareEvent {

    public LineReassigned {
        present(careOrderId, "careOrderId");
        present(lineId, "lineId");
        present(serviceType, "serviceType");
        present(fromProviderId, "fromProviderId");
        present(toProviderId, "toProviderId");
        present(cause, "cause");
        present(district, "district");
        present(dong, "dong");
        present(reassignedOn, "reassignedOn");
        check(!fromProviderId.equals(toProviderId), "a line reassigned to " + toProviderId + " was its already");
    }

    @Override
    public LocalDate businessDate() {
        return reassignedOn;
    }
}
