package kr.dolbom.reporting.access;

import static kr.dolbom.platform.security.CareRole.BILLING_OFFICER;
import static kr.dolbom.platform.security.CareRole.CITY_ADMIN;
import static kr.dolbom.platform.security.CareRole.OPERATOR;
import static kr.dolbom.platform.security.CareRole.PROVIDER;
import static kr.dolbom.platform.security.CareRole.WINDOW;
import static kr.dolbom.platform.security.Reach.EVERY_DISTRICT;
import static kr.dolbom.platform.security.Reach.OWN_DISTRICT;
import static kr.dolbom.platform.security.Reach.OWN_PROVIDER;
import static kr.dolbom.platform.security.Reach.SHARED;

import kr.dolbom.platform.security.AccessPolicy;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.CareRole;

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

    /** A district's targets (목표) and their history: whoever reads its figures. */
    public static final AccessRule READ_KPI_TARGETS = districtFigures("readKpiTargets");

    /**
     * Setting a target of the district's plan: its billing officer (구청 담당자), who already sets the district's
     * budgets and funding rules; the city reads targets but sets none, the window works to them.
     */
    public static final AccessRule SET_KPI_TARGET = AccessRule.operation("setKpiTarget")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .build();

    /** The ops view's queue as server-sent events: whoever reads the district's queue and month. */
    public static final AccessRule STREAM_OPS_QUEUE = districtFigures("streamOpsQueue");

    /**
     * A one-time ticket standing for the caller's own token on the stream, which a browser's EventSource opens without
     * headers. It grants nothing the token does not: any signed-in caller may have one, the stream's rule decides.
     */
    public static final AccessRule ISSUE_STREAM_TICKET = everyRole("issueStreamTicket");

    private static AccessRule everyRole(String operation) {
        AccessRule.Builder rule = AccessRule.operation(operation);
        for (CareRole role : CareRole.values()) {
            rule.allow(role, SHARED);
        }
        return rule.build();
    }

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
            READ_REBUILD,
            READ_KPI_TARGETS,
            SET_KPI_TARGET,
            STREAM_OPS_QUEUE,
            ISSUE_STREAM_TICKET);

    private ReportingAccess() {}
}
