package kr.dolbom.events;

import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/** 서비스 개시: the order's first delivery was made on {@code on}; the order is in progress from then on. */
public record OrderStarted(UUID careOrderId, String district, LocalDate on) implements CareEvent {

    public OrderStarted {
        present(careOrderId, "careOrderId");
        present(district, "district");
        present(on, "on");
    }

    @Override
    public LocalDate businessDate() {
        return on;
    }
}
