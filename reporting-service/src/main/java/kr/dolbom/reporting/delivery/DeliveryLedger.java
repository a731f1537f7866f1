package kr.dolbom.reporting.delivery;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.DeliveryHeld;
import kr.dolbom.events.DeliveryRejected;
import kr.dolbom.events.DeliveryVoided;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.ReportingMonth;
import kr.dolbom.reporting.delivery.DeliveryState.Stage;

/**
 * The deliveries stream's events applied, in their order, to what was heard of their deliveries before: what changes
 * in each month (a figure may go down), which residents are served, which may no longer be, and each delivery's new
 * state. Every month counts the delivery's service date (a Korean day), whenever it was held, voided or rejected.
 *
 * <ul>
 *   <li>{@link ServiceDelivered}: counted once per delivery; a held one leaves {@code held}; one voided before is not
 *       counted;
 *   <li>{@link DeliveryVoided}: takes off exactly what its delivery added; a void of a delivery not heard of is
 *       kept, so that the delivery is not counted if it comes later (never a negative figure, never a failure);
 *   <li>{@link DeliveryHeld}: one more held, unless its delivery was released, voided or rejected already;
 *   <li>{@link DeliveryRejected}: one held less; a rejection heard first keeps a later hold from counting.
 * </ul>
 */
final class DeliveryLedger {

    private final Map<UUID, DeliveryState> states;
    private final Map<DeliveryMonth, DeliveryTotals> changes = new TreeMap<>();
    private final Set<Served> served = new TreeSet<>();
    private final Set<Served> unserved = new TreeSet<>();

    /** @param before the state of every delivery the events name, {@link Stage#NEW} for one never heard of */
    DeliveryLedger(Collection<DeliveryState> before) {
        states = new TreeMap<>();
        before.forEach(state -> states.put(state.deliveryId(), state));
    }

    static UUID deliveryIdOf(CareEvent event) {
        if (event instanceof ServiceDelivered delivered) {
            return delivered.deliveryId();
        }
        if (event instanceof DeliveryVoided voided) {
            return voided.deliveryId();
        }
        if (event instanceof DeliveryHeld held) {
            return held.deliveryId();
        }
        if (event instanceof DeliveryRejected rejected) {
            return rejected.deliveryId();
        }
        throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a delivery's");
    }

    DeliveryLedger apply(CareEvent event) {
        UUID id = deliveryIdOf(event);
        DeliveryState state = states.getOrDefault(id, DeliveryState.unheard(id));
        DeliveryState next;
        if (event instanceof ServiceDelivered delivered) {
            next = delivered(state, delivered);
        } else if (event instanceof DeliveryVoided voided) {
            next = voided(state, month(voided.district(), voided.serviceDate(), voided.serviceType()));
        } else if (event instanceof DeliveryHeld held) {
            next = held(state, month(held.district(), held.serviceDate(), held.serviceType()));
        } else if (event instanceof DeliveryRejected rejected) {
            next = rejected(state, month(rejected.district(), rejected.serviceDate(), rejected.serviceType()));
        } else {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a delivery's");
        }
        states.put(id, next);
        return this;
    }

    private DeliveryState delivered(DeliveryState state, ServiceDelivered delivered) {
        return switch (state.stage()) {
            case NEW, HELD, REJECTED -> {
                if (state.stage() == Stage.HELD) {
                    change(requireNonNull(state.month()), DeliveryTotals.ONE_HELD.negated());
                }
                DeliveryFigures figures = DeliveryFigures.of(delivered);
                DeliveryMonth month = month(figures.district(), figures.month().atDay(1), figures.serviceType());
                change(month, DeliveryTotals.of(figures));
                Served resident = new Served(month, figures.residentRef());
                served.add(resident);
                yield new DeliveryState(
                        state.deliveryId(),
                        Stage.DELIVERED,
                        month,
                        figures.residentRef(),
                        figures.units(),
                        figures.minutes(),
                        delivered.lineId(),
                        delivered.given() ? delivered.serviceDate() : null);
            }
            case DELIVERED, VOIDED -> state; // counted once; or struck out before it came
        };
    }

    private DeliveryState voided(DeliveryState state, DeliveryMonth announced) {
        return switch (state.stage()) {
            case DELIVERED -> {
                DeliveryMonth month = requireNonNull(state.month());
                change(month, new DeliveryTotals(1, state.units(), state.minutes(), 0).negated());
                unserved.add(new Served(month, requireNonNull(state.residentRef())));
                yield state.in(Stage.VOIDED);
            }
            case HELD -> {
                change(requireNonNull(state.month()), DeliveryTotals.ONE_HELD.negated());
                yield state.in(Stage.VOIDED);
            }
            case NEW -> state.in(Stage.VOIDED, announced);
            case VOIDED, REJECTED -> state;
        };
    }

    private DeliveryState held(DeliveryState state, DeliveryMonth month) {
        if (state.stage() != Stage.NEW) {
            return state; // released, struck out or rejected already: a hold heard late counts nothing
        }
        change(month, DeliveryTotals.ONE_HELD);
        return state.in(Stage.HELD, month);
    }

    private DeliveryState rejected(DeliveryState state, DeliveryMonth month) {
        return switch (state.stage()) {
            case HELD -> {
                change(requireNonNull(state.month()), DeliveryTotals.ONE_HELD.negated());
                yield state.in(Stage.REJECTED);
            }
            case NEW -> state.in(Stage.REJECTED, month);
            case DELIVERED, VOIDED, REJECTED -> state;
        };
    }

    /** A month touched is written even when its changes cancel out: live or rebuilt, the same rows exist. */
    private void change(DeliveryMonth month, DeliveryTotals change) {
        changes.merge(month, change, DeliveryTotals::plus);
    }

    private static DeliveryMonth month(String district, LocalDate day, ServiceType serviceType) {
        return new DeliveryMonth(district, ReportingMonth.firstDay(YearMonth.from(day)), serviceType);
    }

    /** What changes per month, in key order. */
    Map<DeliveryMonth, DeliveryTotals> changes() {
        return changes;
    }

    /** Residents served by a delivery counted now. */
    Set<Served> served() {
        return served;
    }

    /** Residents whose delivery was struck out: no longer served unless another delivery of theirs counts. */
    Set<Served> unserved() {
        return unserved;
    }

    /** Every delivery's state after the events, in key order. */
    Collection<DeliveryState> states() {
        return states.values();
    }

    /** A resident served in a district's month of one service. */
    record Served(DeliveryMonth month, UUID residentRef) implements Comparable<Served> {

        @Override
        public int compareTo(Served other) {
            int byMonth = month.compareTo(other.month);
            return byMonth != 0 ? byMonth : residentRef.compareTo(other.residentRef);
        }
    }
}
