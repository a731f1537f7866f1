package kr.dolbom.reporting.kpi;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import kr.dolbom.reporting.access.ReportingAccess;
import kr.dolbom.reporting.charge.ChargeKpiStore;
import kr.dolbom.reporting.delivery.DeliveryKpiStore;
import kr.dolbom.reporting.delivery.MonthlyDeliveries;
import kr.dolbom.reporting.delivery.UsersServed;
import kr.dolbom.reporting.kpi.KpiAnswers.CityKpis;
import kr.dolbom.reporting.kpi.KpiAnswers.DistrictOrders;
import kr.dolbom.reporting.kpi.KpiAnswers.DistrictUsersServed;
import kr.dolbom.reporting.kpi.KpiAnswers.DongKpis;
import kr.dolbom.reporting.kpi.KpiAnswers.KpiTrend;
import kr.dolbom.reporting.kpi.KpiAnswers.LineQueue;
import kr.dolbom.reporting.kpi.KpiAnswers.MealVolume;
import kr.dolbom.reporting.kpi.KpiAnswers.MonthlyKpis;
import kr.dolbom.reporting.kpi.KpiAnswers.ProviderCharges;
import kr.dolbom.reporting.order.OrderKpiStore;
import kr.dolbom.reporting.targets.KpiTargets;
import kr.dolbom.reporting.targets.TargetedKpi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * KPIs of one district (or provider) and one month. A district or provider without activity that month gets
 * zeros, not 404: for a dashboard, "nothing happened" is an answer.
 */
@RestController
@RequestMapping("/api/v1/kpis")
class KpiController {

    static final int TREND_MONTHS = 12;
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final OrderKpiStore orders;
    private final DeliveryKpiStore deliveries;
    private final ChargeKpiStore charges;
    private final KpiSheets sheets;
    private final KpiTargets targets;
    private final LineQueues queues;

    KpiController(
            OrderKpiStore orders,
            DeliveryKpiStore deliveries,
            ChargeKpiStore charges,
            KpiSheets sheets,
            KpiTargets targets,
            LineQueues queues) {
        this.orders = orders;
        this.targets = targets;
        this.deliveries = deliveries;
        this.charges = charges;
        this.sheets = sheets;
        this.queues = queues;
    }

    @GetMapping("/monthly")
    Mono<MonthlyKpis> readMonthlyKpis(
            Caller caller,
            @RequestParam("district") @NotBlank @Size(max = 40) String district,
            @RequestParam("month") YearMonth month) {
        ReportingAccess.READ_MONTHLY_KPIS.reveal(caller, Holder.district(district), "district", district);
        return checked(month).then(monthly(district, month));
    }

    /** The twelve months ending with {@code to}, oldest first: a trend chart in one round trip. */
    @GetMapping("/trend")
    Mono<KpiTrend> readKpiTrend(
            Caller caller,
            @RequestParam("district") @NotBlank @Size(max = 40) String district,
            @RequestParam("to") YearMonth to) {
        ReportingAccess.READ_KPI_TREND.reveal(caller, Holder.district(district), "district", district);
        return trend(district, to);
    }

    @GetMapping(value = "/trend.xlsx", produces = XLSX)
    Mono<ResponseEntity<byte[]>> readKpiTrendSheet(
            Caller caller,
            @RequestParam("district") @NotBlank @Size(max = 40) String district,
            @RequestParam("to") YearMonth to,
            Locale locale) {
        ReportingAccess.READ_KPI_TREND_SHEET.reveal(caller, Holder.district(district), "district", district);
        return trend(district, to)
                .map(trend -> sheet("dolbom-trend-" + district + "-" + to, sheets.trend(trend, locale)));
    }

    private Mono<KpiTrend> trend(String district, YearMonth to) {
        return checked("to", to)
                .then(checked("to", to.minusMonths(TREND_MONTHS - 1)))
                .thenMany(Flux.range(0, TREND_MONTHS))
                .concatMap(back -> monthly(district, to.minusMonths(TREND_MONTHS - 1 - back)))
                .collectList()
                .map(months -> new KpiTrend(district, to, months));
    }

    /** Now, not a month: the queue as the events so far leave it, dated today in Seoul. */
    @GetMapping("/queue")
    Mono<LineQueue> readLineQueue(Caller caller, @RequestParam("district") @NotBlank @Size(max = 40) String district) {
        ReportingAccess.READ_LINE_QUEUE.reveal(caller, Holder.district(district), "district", district);
        return queues.now(district);
    }

    @GetMapping(value = "/queue.xlsx", produces = XLSX)
    Mono<ResponseEntity<byte[]>> readLineQueueSheet(
            Caller caller, @RequestParam("district") @NotBlank @Size(max = 40) String district, Locale locale) {
        ReportingAccess.READ_LINE_QUEUE_SHEET.reveal(caller, Holder.district(district), "district", district);
        return queues.now(district)
                .map(queue -> sheet("dolbom-queue-" + district + "-" + queue.asOf(), sheets.queue(queue, locale)));
    }

    @GetMapping("/dongs")
    Mono<DongKpis> readDongKpis(
            Caller caller,
            @RequestParam("district") @NotBlank @Size(max = 40) String district,
            @RequestParam("month") YearMonth month) {
        ReportingAccess.READ_DONG_KPIS.reveal(caller, Holder.district(district), "district", district);
        return dongs(district, month);
    }

    @GetMapping(value = "/dongs.xlsx", produces = XLSX)
    Mono<ResponseEntity<byte[]>> readDongSheet(
            Caller caller,
            @RequestParam("district") @NotBlank @Size(max = 40) String district,
            @RequestParam("month") YearMonth month,
            Locale locale) {
        ReportingAccess.READ_DONG_SHEET.reveal(caller, Holder.district(district), "district", district);
        return dongs(district, month)
                .map(dongs -> sheet("dolbom-dongs-" + district + "-" + month, sheets.dongs(dongs, locale)));
    }

    private Mono<DongKpis> dongs(String district, YearMonth month) {
        return checked(month)
                .thenMany(orders.byDong(district, month))
                .collectList()
                .map(dongs -> new DongKpis(district, month, dongs));
    }

    @GetMapping("/city")
    Mono<CityKpis> readCityKpis(Caller caller, @RequestParam("month") YearMonth month) {
        ReportingAccess.READ_CITY_KPIS.admit(caller);
        return city(month);
    }

    @GetMapping(value = "/city.xlsx", produces = XLSX)
    Mono<ResponseEntity<byte[]>> readCitySheet(Caller caller, @RequestParam("month") YearMonth month, Locale locale) {
        ReportingAccess.READ_CITY_SHEET.admit(caller);
        return city(month).map(city -> sheet("dolbom-city-" + month, sheets.city(city, locale)));
    }

    private Mono<CityKpis> city(YearMonth month) {
        return checked(month)
                .thenMany(orders.districts())
                .concatMap(district -> monthly(district, month))
                .collectList()
                .map(districts -> new CityKpis(month, districts));
    }

    private Mono<MonthlyKpis> monthly(String district, YearMonth month) {
        return Mono.zip(
                        orders.find(district, month),
                        deliveries.deliveries(district, month),
                        deliveries.usersServed(district, month),
                        charges.forDistrict(district, month),
                        charges.yearToDate(district, month),
                        targets.history(district),
                        deliveries.emergencyCare(district, month))
                .map(kpis -> {
                    MonthlyDeliveries delivered = kpis.getT2();
                    return new MonthlyKpis(
                            district,
                            month,
                            kpis.getT1(),
                            delivered.byService(),
                            delivered.meals(),
                            delivered.held(),
                            kpis.getT3(),
                            kpis.getT7(),
                            kpis.getT4(),
                            kpis.getT6()
                                    .attainments(
                                            month,
                                            Map.of(
                                                    TargetedKpi.MEALS,
                                                    delivered.meals(),
                                                    TargetedKpi.HOUSING_HOUSEHOLDS,
                                                    housingHouseholds(kpis.getT3()),
                                                    TargetedKpi.CONSORTIUM_REVENUE,
                                                    kpis.getT5())));
                });
    }

    /**
     * 주거편의: the plan counts households, the events residents; each resident served counts as one household (the
     * events name no household, and a repair is rarely for two residents of one home).
     */
    private static long housingHouseholds(UsersServed served) {
        return served.byService().getOrDefault(ServiceType.HOUSING_REPAIR, 0L);
    }

    @GetMapping("/orders")
    Mono<DistrictOrders> readOrderKpis(
            Caller caller,
            @RequestParam("district") @NotBlank @Size(max = 40) String district,
            @RequestParam("month") YearMonth month) {
        ReportingAccess.READ_ORDER_KPIS.reveal(caller, Holder.district(district), "district", district);
        return checked(month).then(orders.find(district, month)).map(kpis -> new DistrictOrders(district, month, kpis));
    }

    @GetMapping("/meal-volume")
    Mono<MealVolume> readMealVolume(
            Caller caller,
            @RequestParam("district") @NotBlank @Size(max = 40) String district,
            @RequestParam("month") YearMonth month) {
        ReportingAccess.READ_MEAL_VOLUME.reveal(caller, Holder.district(district), "district", district);
        return checked(month)
                .then(Mono.zip(deliveries.deliveries(district, month), targets.history(district)))
                .map(read -> new MealVolume(
                        district,
                        month,
                        read.getT1().meals(),
                        read.getT2()
                                .attainments(
                                        month,
                                        Map.of(TargetedKpi.MEALS, read.getT1().meals()))));
    }

    @GetMapping("/users-served")
    Mono<DistrictUsersServed> readUsersServed(
            Caller caller,
            @RequestParam("district") @NotBlank @Size(max = 40) String district,
            @RequestParam("month") YearMonth month) {
        ReportingAccess.READ_USERS_SERVED.reveal(caller, Holder.district(district), "district", district);
        return checked(month)
                .then(Mono.zip(deliveries.usersServed(district, month), targets.history(district)))
                .map(read -> DistrictUsersServed.of(
                        district,
                        month,
                        read.getT1(),
                        read.getT2()
                                .attainments(
                                        month,
                                        Map.of(TargetedKpi.HOUSING_HOUSEHOLDS, housingHouseholds(read.getT1())))));
    }

    @GetMapping("/charges")
    Mono<ProviderCharges> readProviderCharges(
            Caller caller,
            @RequestParam("provider") @NotBlank @Size(max = 80) String provider,
            @RequestParam("month") YearMonth month) {
        // providers act for one district; the figures of a provider are its own or the city's to see
        ReportingAccess.READ_PROVIDER_CHARGES.reveal(
                caller,
                Holder.district(Objects.requireNonNullElse(caller.district(), ""))
                        .heldBy(provider),
                "provider",
                provider);
        return checked(month)
                .then(charges.forProvider(provider, month))
                .map(totals -> new ProviderCharges(provider, month, totals));
    }

    /** A workbook to save: the browser keeps the name, whatever the district is called. */
    private static ResponseEntity<byte[]> sheet(String name, byte[] workbook) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name + ".xlsx", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(workbook);
    }

    /** YearMonth parses "+12345-01" too; the API promises YYYY-MM, and the database stores nothing else. */
    private static Mono<Void> checked(YearMonth month) {
        return checked("month", month);
    }

    private static Mono<Void> checked(String field, YearMonth month) {
        if (month.getYear() < 1 || month.getYear() > 9999) {
            return Mono.error(RuleViolation.invalid(field, "must be YYYY-MM, from 0001-01 to 9999-12"));
        }
        return Mono.empty();
    }
}
