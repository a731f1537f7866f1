package kr.dolbom.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** One fixed instance of every contract: the examples the golden files were written from. */
final class SampleEvents {

    static final UUID ORDER = UUID.fromString("0b9f5a4e-3c1d-4c62-9a43-5f0d7c1e2a10");
    static final UUID RESIDENT = UUID.fromString("6f1c2d3e-4b5a-4978-8c6d-1e2f3a4b5c6d");
    static final UUID HOME_CARE_LINE = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000001");
    static final UUID MEAL_LINE = UUID.fromString("1a2b3c4d-0000-4000-8000-000000000002");
    static final UUID DELIVERY = UUID.fromString("2b3c4d5e-0000-4000-8000-000000000003");
    static final UUID CHARGE = UUID.fromString("3c4d5e6f-0000-4000-8000-000000000004");
    static final UUID SETTLEMENT = UUID.fromString("4d5e6f70-0000-4000-8000-000000000005");
    static final UUID BUDGET = UUID.fromString("5e6f7081-0000-4000-8000-000000000006");
    static final UUID REVERSAL = UUID.fromString("708192a3-0000-4000-8000-000000000008");
    static final UUID OFFER = UUID.fromString("6f708192-0000-4000-8000-000000000007");
    static final Instant OFFERED_AT = Instant.parse("2026-11-02T01:15:30.250Z");

    private SampleEvents() {}

    static CareEvent of(CareEventType type) {
        return switch (type) {
            case ORDER_PLACED ->
                new OrderPlaced(
                        ORDER,
                        RESIDENT,
                        "mapo",
                        "mangwon1",
                        IncomeTier.BASIC_LIVELIHOOD,
                        true,
                        RequestChannel.HOSPITAL_REFERRAL,
                        LocalDate.of(2026, 11, 2),
                        List.of(
                                new OrderPlaced.Line(
                                        HOME_CARE_LINE,
                                        ServiceType.TEMPORARY_HOME_CARE,
                                        1,
                                        150,
                                        LocalDate.of(2026, 11, 3),
                                        LocalDate.of(2026, 11, 30)),
                                new OrderPlaced.Line(
                                        MEAL_LINE,
                                        ServiceType.MEAL_SUPPORT,
                                        10,
                                        null,
                                        LocalDate.of(2026, 11, 3),
                                        LocalDate.of(2026, 11, 30))));
            case ORDER_REJECTED ->
                new OrderRejected(
                        ORDER, "mapo", "mangwon1", RejectionReason.NOT_IN_TARGET_GROUP, LocalDate.of(2026, 11, 2));
            case ORDER_INCOME_TIER_CHANGED ->
                new OrderIncomeTierChanged(ORDER, RESIDENT, "mapo", IncomeTier.NEAR_POOR, LocalDate.of(2026, 11, 16));
            case ORDER_PUT_ON_HOLD ->
                new OrderPutOnHold(
                        ORDER,
                        "mapo",
                        HoldReason.HOSPITAL_ADMISSION,
                        LocalDate.of(2026, 11, 10),
                        LocalDate.of(2026, 11, 24));
            case ORDER_RESUMED -> new OrderResumed(ORDER, "mapo", LocalDate.of(2026, 11, 20));
            case ORDER_CANCELLED ->
                new OrderCancelled(ORDER, "mapo", CancelReason.RESIDENT_MOVED, LocalDate.of(2026, 11, 25));
            case ORDER_STARTED -> new OrderStarted(ORDER, "mapo", LocalDate.of(2026, 11, 5));
            case ORDER_COMPLETED -> new OrderCompleted(ORDER, "mapo", LocalDate.of(2026, 12, 1));
            case CARE_PLAN_APPROVED ->
                new CarePlanApproved(
                        ORDER,
                        "mapo",
                        2,
                        LocalDate.of(2026, 11, 16),
                        List.of(new CarePlanApproved.Line(
                                HOME_CARE_LINE,
                                ServiceType.TEMPORARY_HOME_CARE,
                                1,
                                150,
                                "FREQ=WEEKLY;BYDAY=MO,TH",
                                LocalDate.of(2026, 11, 3),
                                LocalDate.of(2026, 11, 26),
                                List.of(
                                        LocalDate.of(2026, 11, 16),
                                        LocalDate.of(2026, 11, 19),
                                        LocalDate.of(2026, 11, 23),
                                        LocalDate.of(2026, 11, 26)))),
                        List.of(new CarePlanApproved.Ended(MEAL_LINE, LocalDate.of(2026, 11, 15))));
            case LINE_OFFERED ->
                new LineOffered(
                        ORDER,
                        HOME_CARE_LINE,
                        OFFER,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-nanum-care",
                        "mapo",
                        "mangwon1",
                        true,
                        1,
                        OFFERED_AT,
                        Instant.parse("2026-11-02T03:15:30.250Z"),
                        LocalDate.of(2026, 11, 2));
            case OFFER_ACCEPTED ->
                new OfferAccepted(
                        ORDER,
                        HOME_CARE_LINE,
                        OFFER,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-nanum-care",
                        "mapo",
                        true,
                        OFFERED_AT,
                        Instant.parse("2026-11-02T01:42:05Z"),
                        LocalDate.of(2026, 11, 2));
            case OFFER_DECLINED ->
                new OfferDeclined(
                        ORDER,
                        HOME_CARE_LINE,
                        OFFER,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-nanum-care",
                        "mapo",
                        true,
                        DeclineReason.NO_WORKER_AVAILABLE,
                        "활동지원사 배정 불가 (11월 첫 주)",
                        OFFERED_AT,
                        Instant.parse("2026-11-02T01:42:05Z"),
                        LocalDate.of(2026, 11, 2));
            case LINE_ASSIGNED ->
                new LineAssigned(
                        ORDER,
                        HOME_CARE_LINE,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-public-homecare",
                        true,
                        "mapo",
                        "mangwon1",
                        LocalDate.of(2026, 11, 2));
            case LINE_HANDED_BACK ->
                new LineHandedBack(
                        ORDER,
                        HOME_CARE_LINE,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-sarang-care",
                        DeclineReason.NO_WORKER_AVAILABLE,
                        "mapo",
                        "mangwon1",
                        LocalDate.of(2026, 11, 9));
            case LINE_REASSIGNED ->
                new LineReassigned(
                        ORDER,
                        HOME_CARE_LINE,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-sarang-care",
                        "mapo-public-homecare",
                        true,
                        ReassignCause.HANDED_BACK,
                        "mapo",
                        "mangwon1",
                        LocalDate.of(2026, 11, 9));
            case SERVICE_DELIVERED ->
                new ServiceDelivered(
                        DELIVERY,
                        ORDER,
                        HOME_CARE_LINE,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-public-homecare",
                        RESIDENT,
                        "mapo",
                        IncomeTier.BASIC_LIVELIHOOD,
                        LocalDate.of(2026, 11, 5),
                        LocalTime.of(9, 0),
                        LocalTime.of(11, 30),
                        null);
            case DELIVERY_VOIDED ->
                new DeliveryVoided(
                        DELIVERY,
                        ORDER,
                        HOME_CARE_LINE,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-public-homecare",
                        "mapo",
                        LocalDate.of(2026, 11, 5),
                        VoidReason.DUPLICATE_REPORT,
                        LocalDate.of(2026, 12, 3));
            case DELIVERY_HELD ->
                new DeliveryHeld(
                        DELIVERY,
                        ORDER,
                        HOME_CARE_LINE,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-public-homecare",
                        "mapo",
                        LocalDate.of(2026, 11, 5),
                        DeliveryHoldReason.WORKER_OVERLAP,
                        LocalDate.of(2026, 11, 6));
            case DELIVERY_REJECTED ->
                new DeliveryRejected(
                        DELIVERY,
                        ORDER,
                        HOME_CARE_LINE,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-public-homecare",
                        "mapo",
                        LocalDate.of(2026, 11, 5),
                        DeliveryHoldReason.WORKER_OVERLAP,
                        LocalDate.of(2026, 11, 9));
            case DELIVERY_CHARGED ->
                new DeliveryCharged(
                        CHARGE,
                        DELIVERY,
                        ORDER,
                        HOME_CARE_LINE,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-public-homecare",
                        "mapo",
                        LocalDate.of(2026, 11, 5),
                        38_340,
                        38_340,
                        0,
                        "care-sos-2021-home-care",
                        YearMonth.of(2026, 11));
            case CHARGE_REVERSED ->
                new ChargeReversed(
                        REVERSAL,
                        CHARGE,
                        DELIVERY,
                        ORDER,
                        ServiceType.TEMPORARY_HOME_CARE,
                        "mapo-public-homecare",
                        "mapo",
                        LocalDate.of(2026, 11, 5),
                        38_340,
                        38_340,
                        0,
                        YearMonth.of(2026, 12),
                        VoidReason.DUPLICATE_REPORT,
                        LocalDate.of(2026, 12, 3));
            case SETTLEMENT_APPROVED ->
                new SettlementApproved(
                        SETTLEMENT,
                        "mapo",
                        "mapo-public-homecare",
                        YearMonth.of(2026, 11),
                        41,
                        1_571_940,
                        1_523_770,
                        48_170,
                        1,
                        38_340,
                        LocalDate.of(2026, 12, 4));
            case SETTLEMENT_PAID ->
                new SettlementPaid(
                        SETTLEMENT,
                        "mapo",
                        "mapo-public-homecare",
                        YearMonth.of(2026, 11),
                        1_571_940,
                        1_523_770,
                        48_170,
                        "마포구-지출-2026-1210-0042",
                        LocalDate.of(2026, 12, 10));
            case BUDGET_THRESHOLD_REACHED ->
                new BudgetThresholdReached(
                        BUDGET,
                        "mapo",
                        ServiceType.TEMPORARY_HOME_CARE,
                        2026,
                        2,
                        80,
                        120_000_000,
                        96_012_340,
                        CHARGE,
                        LocalDate.of(2026, 11, 5));
        };
    }
}
