package kr.dolbom.billing.tariff;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import kr.dolbom.events.ServiceType;

/**
 * A visit priced by the band its length falls in (일시재가: 1시간 이상 22,640원 … 4시간 이상 56,320원): the band
 * with the longest lower bound the visit reaches. Visits shorter than the minimum are not billable.
 */
public record DurationBands(
        String id, ServiceType serviceType, LocalDate effectiveFrom, int minimumMinutes, List<Band> bands)
        implements Tariff {

    /** From {@code fromMinutes} on, a visit costs {@code amount}. */
    public record Band(int fromMinutes, long amount) {}

    public DurationBands {
        bands = bands.stream()
                .sorted(Comparator.comparingInt(Band::fromMinutes))
                .toList();
        if (bands.isEmpty() || bands.get(0).fromMinutes() > minimumMinutes) {
            throw new IllegalArgumentException(id + ": the first band must start at or below the minimum of "
                    + minimumMinutes + " minutes, or some billable visits would have no price");
        }
    }

    @Override
    public long price(Usage usage) {
        int minutes = Tariff.requireMinutes(this, usage, minimumMinutes);
        long amount = bands.get(0).amount();
        for (Band band : bands) {
            if (minutes >= band.fromMinutes()) {
                amount = band.amount();
            }
        }
        return amount;
    }

    @Override
    public Usage shortestBillable() {
        return Usage.minutes(minimumMinutes);
    }
}
