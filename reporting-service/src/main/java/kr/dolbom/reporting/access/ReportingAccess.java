package kr.dolbom.reporting.access;

import static kr.dolbom.platform.security.CareRole.BILLING_OFFICER;
import static kr.dolbom.platform.security.CareRole.CITY_ADMIN;
import static kr.dolbom.platform.security.CareRole.OPERATOR;
import static kr.dolbom.platform.security.CareRole.PROVIDER;
import static kr.dolbom.platform.security.CareRole.WINDOW;
import static kr.dolbom.platform.security.Reach.EVERY_DISTRICT;
import static kr.dolbom.platform.security.Reach.OWN_DISTRICT;
import static kr.dolbom.platform.security.Reach.OWN_PROVIDER;

import kr.dolbom.platform.security.AccessPolicy;
import kr.dolbom.platform.security.AccessRule;

/**
 * Who may read which figures. The city (시 복지정책과) reads every district's; a district's window and billing
 * officer read their own district's; a provider reads its own charge totals. Figures are counts and sums, never
 * per-resident records.
 */
public final class ReportingAccess {

    private static AccessRule districtFigures(String operation) {
        return AccessRule.operation(operation)
                .allow(CITY_ADMIN, EVERY_DISTRICT)
                .allow(WINDOW, OWN_DISTRICT)
                .allow(BILLING_OFFICER, OWN_DISTRICT)
                .build();
    }

    public static final AccessRule READ_MONTHLY_KPIS = districtFigures("readMonthlyKpis");
    public static final AccessRule READ_ORDER_KPIS = districtFigures("readOrderKpis");
    public static final AccessRule READ_MEAL_VOLUME = districtFigures("readMealVolume");
    public static final AccessRule READ_USERS_SERVED = districtFigures("readUsersServed");
    /** The twelve months up to one, for a district's trend chart. */
    public static final AccessRule READ_KPI_TREND = districtFigures("readKpiTrend");

    /** The lines waiting for a provider now, counted by urgency, service and dong: the ops desk's queue. */
    public static final AccessRule READ_LINE_QUEUE = districtFigures("readLineQueue");
    /** A district's month by dong. */
    public static final AccessRule READ_DONG_KPIS = districtFigures("readDongKpis");

    /** The same figures as Excel workbooks (the dashboard's XLSX exports): each reaches what its table reaches. */
    public static final AccessRule READ_KPI_TREND_SHEET = districtFigures("readKpiTrendSheet");

    public static final AccessRule READ_LINE_QUEUE_SHEET = districtFigures("readLineQueueSheet");
    public static final AccessRule READ_DONG_SHEET = districtFigures("readDongSheet");

    /** Every district's month side by side: the city's view (시 전체), nobody else's. */
    public static final AccessRule READ_CITY_KPIS = AccessRule.operation("readCityKpis")
            .allow(CITY_ADMIN, EVERY_DISTRICT)
            .build();

    public static final AccessRule READ_CITY_SHEET = AccessRule.operation("readCitySheet")
            .allow(CITY_ADMIN, EVERY_DISTRICT)
            .build();

    /** A provider's monthly charge totals, to reconcile with billing's settlement. */
    public static final AccessRule READ_PROVIDER_CHARGES = AccessRule.operation("readProviderCharges")
            .allow(CITY_ADMIN, EVERY_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /**
     * Rebuilding the read models from the streams, and following it: the platform's operators only. It changes no
     * figure (a rebuild gives the figures the events give) but loads the service and its database for minutes.
     */
    public static final AccessRule START_REBUILD =
            AccessRule.operation("startRebuild").allow(OPERATOR, EVERY_DISTRICT).build();

    public static final AccessRule READ_REBUILD =
            AccessRule.operation("readRebuild").allow(OPERATOR, EVERY_DISTRICT).build();

    public static final AccessPolicy POLICY = AccessPolicy.of(
            READ_MONTHLY_KPIS,
            READ_ORDER_KPIS,
            READ_MEAL_VOLUME,
            READ_USERS_SERVED,
            READ_KPI_TREND,
            READ_LINE_QUEUE,
            READ_DONG_KPIS,
            READ_CITY_KPIS,
            READ_KPI_TREND_SHEET,
            READ_LINE_QUEUE_SHEET,
            READ_DONG_SHEET,
            READ_CITY_SHEET,
            READ_PROVIDER_CHARGES,
            START_REBUILD,
            READ_REBUILD);

    private ReportingAccess() {}
}
