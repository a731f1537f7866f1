package kr.dolbom.events;

import static kr.dolbom.events.Invariants.present;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The care manager confirmed a new income tier for the resident of an open order: deliveries of the order from
 * {@code effectiveOn} on are paid by the new tier. One event per open order of the resident, so that it stays
 * keyed by care order and in line behind the order's earlier events.
 */
public record OrderIncomeTierChanged(
        UUID careOrderId, UUID residentRef, String district, IncomeTier incomeTier, LocalDate effectiveOn)
        implements CareEvent {

    public OrderIncomeTierChanged {
        present(careOrderId, "careOrderId");
        present(residentRef, "residentRef");
        present(district, "district");
        present(incomeTier, "incomeTier");
        present(effectiveOn, "effectiveOn");
    }

    @Override
    public LocalDate businessDate() {
        return effectiveOn;
    }
}
