package kr.dolbom.events;

import java.time.LocalDate;
import java.util.UUID;

/** A request was turned down; no service line will follow. */
public record OrderRejected(
        UUID careOrderId,
        String district,
        String dong,
        RejectionReason reason,
        LocalDate requestedOn) implements CareEvent {
}
