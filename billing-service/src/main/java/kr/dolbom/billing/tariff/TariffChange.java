package kr.dolbom.billing.tariff;

import java.time.Instant;

/**
 * One change of a district's tariffs as audited: who (the token's subject), as whom, when, and what — a tariff
 * added, described in full. Changes are only ever added, so the list of them is the tariffs' history.
 */
public record TariffChange(String district, String tariffId, String actor, String role, Instant at, String what) {

    static TariffChange added(TariffEntry entry) {
        Tariff tariff = entry.tariff();
        return new TariffChange(
                String.valueOf(entry.district()),
                tariff.id(),
                String.valueOf(entry.recordedBy()),
                String.valueOf(entry.recordedAsRole()),
                entry.recordedAt(),
                "added " + tariff + " on the basis of: " + entry.basis());
    }
}
