package kr.dolbom.reporting.delivery;

import java.time.LocalDate;
import java.util.Comparator;
import kr.dolbom.events.ServiceType;

/** A district's month of one service, in key order: every transaction locks its rows in the same order. */
record DeliveryMonth(String district, LocalDate firstDay, ServiceType serviceType)
        implements Comparable<DeliveryMonth> {

    private static final Comparator<DeliveryMonth> ORDER = Comparator.comparing(DeliveryMonth::district)
            .thenComparing(DeliveryMonth::firstDay)
            .thenComparing(DeliveryMonth::serviceType);

    @Override
    public int compareTo(DeliveryMonth other) {
        return ORDER.compare(this, other);
    }
}
