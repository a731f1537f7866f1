package kr.dolbom.events;

import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The order ends before its plan did, from {@code on}: its lines give their capacity back and no delivery dated
 * on or after {@code on} is accepted or charged.
 */
public record OrderCancelled(UUID careOrderId, String district, CancelReason reason, LocalDate on)
        implements CareEvent {

    public OrderCancelled {
        present(careOrderId, "careOrderId");
        present(district, "district");
        present(reason, "reason");
        present(on, "on");
    }

    @Override
    public LocalDate businessDate() {
        return on;
    }
}
