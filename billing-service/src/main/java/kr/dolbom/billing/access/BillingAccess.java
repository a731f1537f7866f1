package kr.dolbom.billing.access;

import static kr.dolbom.platform.security.CareRole.BILLING_OFFICER;
import static kr.dolbom.platform.security.CareRole.CARE_MANAGER;
import static kr.dolbom.platform.security.CareRole.CITY_ADMIN;
import static kr.dolbom.platform.security.CareRole.PROVIDER;
import static kr.dolbom.platform.security.CareRole.WINDOW;
import static kr.dolbom.platform.security.Reach.EVERY_DISTRICT;
import static kr.dolbom.platform.security.Reach.OWN_DISTRICT;
import static kr.dolbom.platform.security.Reach.OWN_PROVIDER;
import static kr.dolbom.platform.security.Reach.SHARED;

import kr.dolbom.platform.security.AccessPolicy;
import kr.dolbom.platform.security.AccessRule;

/**
 * Who may do what in billing. The district's billing officer (구청 담당자) sees the charges and settlements of its
 * district's providers; a provider sees its own. A provider submits its own months (정산 제출); the billing officer
 * approves them and records their payment. Tariffs are published prices: the city's the same for all staff, a
 * district's own added by its billing officer. Funding rules and budgets are the district's: its billing officer sets
 * them, the city reads them. Charges name residents only by their pseudonymous ref and income tier: no personal data
 * here.
 */
public final class BillingAccess {

    public static final AccessRule LIST_TARIFFS = AccessRule.operation("listTariffs")
            .allow(BILLING_OFFICER, SHARED)
            .allow(WINDOW, SHARED)
            .allow(CARE_MANAGER, SHARED)
            .allow(PROVIDER, SHARED)
            .allow(CITY_ADMIN, EVERY_DISTRICT)
            .build();

    /** 단가 이력: the district's tariffs, its own dated rows and who added them; the city watches every district's. */
    public static final AccessRule READ_TARIFF_HISTORY = AccessRule.operation("readTariffHistory")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .allow(CITY_ADMIN, EVERY_DISTRICT)
            .build();

    /** 단가 고시: a new dated tariff of the district (never an edit of one); its billing officer only. */
    public static final AccessRule ADD_TARIFF = AccessRule.operation("addTariff")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .build();

    public static final AccessRule READ_CHARGE_OF_DELIVERY = AccessRule.operation("readChargeOfDelivery")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** 월 정산: a provider's month. */
    public static final AccessRule READ_SETTLEMENT = AccessRule.operation("readSettlement")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** 정산 제출: the provider confirms its own statement of a month. */
    public static final AccessRule SUBMIT_SETTLEMENT = AccessRule.operation("submitSettlement")
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** 정산 승인: the district's billing officer approves a submitted month, closing it. */
    public static final AccessRule APPROVE_SETTLEMENT = AccessRule.operation("approveSettlement")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .build();

    /** 지급 기록: the district's billing officer records the payment of an approved month. */
    public static final AccessRule RECORD_SETTLEMENT_PAYMENT = AccessRule.operation("recordSettlementPayment")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .build();

    /** 정산 내역서: a provider's statement of a month as CSV or XLSX, every line; whom the month concerns. */
    public static final AccessRule EXPORT_STATEMENT = AccessRule.operation("exportStatement")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** 지급 목록: the district's payable months of its providers, for the payment system; its billing officer. */
    public static final AccessRule EXPORT_PAYMENT_LIST = AccessRule.operation("exportPaymentList")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .build();

    /** 지원 기준: the funding rules the district's charges are split by; the city watches every district's. */
    public static final AccessRule LIST_FUNDING_RULES = AccessRule.operation("listFundingRules")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .allow(CITY_ADMIN, EVERY_DISTRICT)
            .build();

    /** A new funding rule of the district (a partial co-payment, say): its billing officer only. */
    public static final AccessRule ADD_FUNDING_RULE = AccessRule.operation("addFundingRule")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .build();

    /** 예산 집행: the district's programs' budgets against their spending, and the consortium's revenue. */
    public static final AccessRule READ_BUDGETS = AccessRule.operation("readBudgets")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .allow(CITY_ADMIN, EVERY_DISTRICT)
            .build();

    /** 예산 편성: a new version of a program's budget of a year; the district's billing officer. */
    public static final AccessRule SET_BUDGET = AccessRule.operation("setBudget")
            .allow(BILLING_OFFICER, OWN_DISTRICT)
            .build();

    public static final AccessPolicy POLICY = AccessPolicy.of(
            LIST_TARIFFS,
            READ_TARIFF_HISTORY,
            ADD_TARIFF,
            READ_CHARGE_OF_DELIVERY,
            READ_SETTLEMENT,
            SUBMIT_SETTLEMENT,
            APPROVE_SETTLEMENT,
            RECORD_SETTLEMENT_PAYMENT,
            EXPORT_STATEMENT,
            EXPORT_PAYMENT_LIST,
            LIST_FUNDING_RULES,
            ADD_FUNDING_RULE,
            READ_BUDGETS,
            SET_BUDGET);

    private BillingAccess() {}
}
