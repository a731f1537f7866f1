package kr.dolbom.matching.provider;

import java.util.List;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * A consortium member as the window sees it: what it offers where, and how busy it is.
 *
 * @param leadOf the zones it leads (권역 책임기업)
 * @param suspendedBecause why the window suspended it (정지), offering it nothing; null while it is not
 */
public record ProviderView(
        String id,
        String name,
        String kind,
        String district,
        boolean lastResort,
        List<String> zones,
        List<String> leadOf,
        @Nullable String suspendedBecause,
        List<Offer> services) {

    /** @param agreedShare the member's weight in the consortium's share of the work in the service (공정 배분) */
    public record Offer(ServiceType serviceType, int capacity, int activeLines, int agreedShare) {}

    /** One view from the rows of one provider, one row per service it offers. */
    static ProviderView merge(List<ProviderView> rows) {
        ProviderView first = rows.get(0);
        return new ProviderView(
                first.id,
                first.name,
                first.kind,
                first.district,
                first.lastResort,
                first.zones,
                first.leadOf,
                first.suspendedBecause,
                rows.stream().flatMap(row -> row.services.stream()).toList());
    }
}
