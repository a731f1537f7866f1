package kr.dolbom.billing.tariff;

import java.time.LocalDate;
import java.util.List;
import kr.dolbom.events.ServiceType;

/** The Care SOS 2021 tariffs as the billing migration records them. */
public final class CareSos2021 {

    public static final LocalDate IN_FORCE_FROM = LocalDate.of(2021, 1, 1);

    public static final DurationBands HOME_CARE = new DurationBands(
            "care-sos-2021-home-care",
            ServiceType.TEMPORARY_HOME_CARE,
            IN_FORCE_FROM,
            30,
            List.of(
                    new DurationBands.Band(30, 22_640),
                    new DurationBands.Band(120, 38_340),
                    new DurationBands.Band(180, 48_170),
                    new DurationBands.Band(240, 56_320)));

    public static final TimeRate MOBILITY =
            new TimeRate("care-sos-2021-mobility", ServiceType.MOBILITY_SUPPORT, IN_FORCE_FROM, 14_800, 60, 30, 30);

    private CareSos2021() {}
}
