package kr.dolbom.billing.tariff;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of the tariff table: a tariff with whose it is and who recorded it.
 *
 * @param district the district it is of; null for a city-wide tariff (the migrations', the configuration's)
 * @param recordedBy the subject of the billing officer who added it; null for the city-wide rows
 */
public record TariffEntry(
        @Nullable String district,
        Tariff tariff,
        String basis,
        @Nullable String recordedBy,
        @Nullable String recordedAsRole,
        Instant recordedAt) {}
