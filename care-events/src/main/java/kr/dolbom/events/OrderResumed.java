package kr.dolbom.events;

import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/** The hold of the order ended: deliveries from {@code on} are the order's again. */
public record OrderResumed(UUID careOrderId, String district, LocalDate on) implements CareEvent {

    public OrderResumed {
        present(careOrderId, "careOrderId");
        present(district, "district");
        present(on, "on");
    }

    @Override
    public LocalDate businessDate() {
        return on;
    }
}
