package kr.dolbom.events;

import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/** 종결: the order's plan period is over (every line has ended); it takes no more deliveries after it. */
public record OrderCompleted(UUID careOrderId, String district, LocalDate on) implements CareEvent {

    public OrderCompleted {
        present(careOrderId, "careOrderId");
        present(district, "district");
        present(on, "on");
    }

    @Override
    public LocalDate businessDate() {
        return on;
    }
}
