package kr.dolbom.reporting.kpi;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import kr.dolbom.events.ServiceType;
import kr.dolbom.reporting.charge.ChargeTotals;
import kr.dolbom.reporting.delivery.DeliveryTotals;
import kr.dolbom.reporting.delivery.EmergencyCare;
import kr.dolbom.reporting.delivery.UsersServed;
import kr.dolbom.reporting.order.DongLines;
import kr.dolbom.reporting.order.OrderKpis;
import kr.dolbom.reporting.order.WaitingLines;
import kr.dolbom.reporting.targets.Attainment;

/** The wire types of the KPI endpoints: each names what it is about, then the figures. */
final class KpiAnswers {

    private KpiAnswers() {}

    /**
     * Everything reporting knows about one district's month, for a dashboard in one round trip; {@code targets}: each
     * KPI with a target in force that month, its actual figure against it.
     *
     * @param held deliveries of the month held for the window (검증 보류), neither released nor rejected yet
     * @param emergencyCare 긴급돌봄: users and service-days of urgent lines
     */
    record MonthlyKpis(
            String district,
            YearMonth month,
            OrderKpis orders,
            Map<ServiceType, DeliveryTotals> deliveries,
            long meals,
            long held,
            UsersServed usersServed,
            EmergencyCare emergencyCare,
            ChargeTotals charges,
            List<Attainment> targets) {}

    /** A district's months up to {@code to}, oldest first. */
    record KpiTrend(String district, YearMonth to, List<MonthlyKpis> months) {}

    /**
     * What waits for a provider in a district today (Seoul), urgent groups first, then the longest waiting.
     *
     * @param lines           every waiting line
     * @param urgent          the urgent ones among them
     * @param deliveriesHeld  deliveries held for the window (검증 보류) now, whatever month they were given in
     */
    record LineQueue(
            String district, LocalDate asOf, long lines, long urgent, long deliveriesHeld, List<WaitingGroup> groups) {

        static LineQueue of(String district, LocalDate today, List<WaitingLines> waiting, long deliveriesHeld) {
            List<WaitingGroup> groups = waiting.stream()
                    .map(group -> new WaitingGroup(
                            group.urgent(),
                            group.serviceType(),
                            group.dong(),
                            group.lines(),
                            group.oldestRequestedOn(),
                            group.longestWaitDays(today)))
                    .toList();
            return new LineQueue(
                    district,
                    today,
                    waiting.stream().mapToLong(WaitingLines::lines).sum(),
                    waiting.stream()
                            .filter(WaitingLines::urgent)
                            .mapToLong(WaitingLines::lines)
                            .sum(),
                    deliveriesHeld,
                    groups);
        }
    }

    record WaitingGroup(
            boolean urgent,
            ServiceType serviceType,
            String dong,
            long lines,
            LocalDate oldestRequestedOn,
            long longestWaitDays) {}

    /** A district's month by dong (동), the dongs with a line requested or assigned in it. */
    record DongKpis(String district, YearMonth month, List<DongLines> dongs) {}

    /** The city's month: every district reporting knows, side by side, in the order of their names. */
    record CityKpis(YearMonth month, List<MonthlyKpis> districts) {}

    record DistrictOrders(
            String district, YearMonth month, @JsonUnwrapped OrderKpis orders) {}

    /** 식사지원: meals (or side-dish boxes) delivered in the district that month. */
    record MealVolume(String district, YearMonth month, long meals, List<Attainment> targets) {}

    /** {@code targets}: households served by housing repairs (주거편의) against the plan's, when it has one. */
    record DistrictUsersServed(
            String district, YearMonth month, Map<ServiceType, Long> byService, long total, List<Attainment> targets) {

        static DistrictUsersServed of(String district, YearMonth month, UsersServed served, List<Attainment> targets) {
            return new DistrictUsersServed(district, month, served.byService(), served.total(), targets);
        }
    }

    /** What billing should have settled with the provider for the month of service. */
    record ProviderCharges(
            String provider, YearMonth month, @JsonUnwrapped ChargeTotals charges) {}
}
