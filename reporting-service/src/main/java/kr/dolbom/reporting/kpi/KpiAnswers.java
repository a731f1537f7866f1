package kr.dolbom.reporting.kpi;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.charge.ChargeTotals;
import kr.dolbom.reporting.delivery.DeliveryTotals;
import kr.dolbom.reporting.delivery.UsersServed;
import kr.dolbom.reporting.order.OrderKpis;

/** The wire types of the KPI endpoints: each names what it is about, then the figures. */
final class KpiAnswers {

    private KpiAnswers() {}

    /** Everything reporting knows about one district's month, for a dashboard in one round trip. */
    record MonthlyKpis(
            String district,
            YearMonth month,
            OrderKpis orders,
            Map<ServiceType, DeliveryTotals> deliveries,
            long meals,
            UsersServed usersServed,
            ChargeTotals charges) {}

    /** A district's months up to {@code to}, oldest first. */
    record KpiTrend(String district, YearMonth to, List<MonthlyKpis> months) {}

    /** The city's month: every district reporting knows, side by side, in the order of their names. */
    record CityKpis(YearMonth month, List<MonthlyKpis> districts) {}

    record DistrictOrders(
            String district, YearMonth month, @JsonUnwrapped OrderKpis orders) {}

    /** 식사지원: meals (or side-dish boxes) delivered in the district that month. */
    record MealVolume(String district, YearMonth month, long meals) {}

    record DistrictUsersServed(String district, YearMonth month, Map<ServiceType, Long> byService, long total) {

        static DistrictUsersServed of(String district, YearMonth month, UsersServed served) {
            return new DistrictUsersServed(district, month, served.byService(), served.total());
        }
    }

    /** What billing should have settled with the provider for the month of service. */
    record ProviderCharges(
            String provider, YearMonth month, @JsonUnwrapped ChargeTotals charges) {}
}
