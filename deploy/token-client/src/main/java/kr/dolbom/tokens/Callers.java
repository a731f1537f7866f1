package kr.dolbom.tokens;

/**
 * The demo callers the tools act as (accounts of {@code deploy/auth}), one per kind of call, as the services'
 * policies expect: the window places and follows orders, each provider reports its own deliveries, the billing
 * officer reads tariffs, charges and settlements, the city reads the KPIs, the operator the actuator.
 */
public final class Callers {

    /** 통합창구 of the demo district: care requests, orders, assignments, providers. */
    public static final String WINDOW = "window@mapo";

    /** A care manager (돌봄매니저) of three of the demo district's dongs: assessments and care plans. */
    public static final String CARE_MANAGER = "care-manager@mapo";

    /** The demo district's lead care manager, of every dong: plans whatever the benchmark places. */
    public static final String CARE_LEAD = "care-lead@mapo";

    /** The demo district's billing officer: tariffs, charges, settlements. */
    public static final String BILLING = "billing@mapo";

    /** The city: KPIs of every district. */
    public static final String CITY = "city@seoul";

    /** Whoever runs the services: every actuator endpoint but the health probes. */
    public static final String OPERATOR = "operator@local";

    private Callers() {}

    /** A provider's staff, who report that provider's deliveries and no one else's. */
    public static String provider(String providerId) {
        return "provider@" + providerId;
    }
}
