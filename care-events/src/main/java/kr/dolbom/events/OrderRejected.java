package kr.dolbom.events;

import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/** A request was turned down; no service line will follow. */
public record OrderRejected(
        UUID careOrderId, String district, String dong, RejectionReason reason, LocalDate requestedOn)
        implements CareEvent {

    public OrderRejected {
        present(careOrderId, "careOrderId");
        present(district, "district");
        present(dong, "dong");
        present(reason, "reason");
        present(requestedOn, "requestedOn");
    }

    @Override
    public LocalDate businessDate() {
        return requestedOn;
    }
}
