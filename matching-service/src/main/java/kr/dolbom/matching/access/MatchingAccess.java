package kr.dolbom.matching.access;

import static kr.dolbom.platform.security.CareRole.CARE_MANAGER;
import static kr.dolbom.platform.security.CareRole.PROVIDER;
import static kr.dolbom.platform.security.CareRole.WINDOW;
import static kr.dolbom.platform.security.Reach.OWN_DISTRICT;
import static kr.dolbom.platform.security.Reach.OWN_PROVIDER;

import kr.dolbom.platform.security.AccessPolicy;
import kr.dolbom.platform.security.AccessRule;

/**
 * Who may do what in matching. The window runs dispatch for its district and sees its registry and every
 * line; care managers follow the lines of their residents; a provider sees and reports on its own lines only.
 * Lines carry a resident's pseudonymous ref, dong and income tier: never beyond those who serve the resident.
 */
public final class MatchingAccess {

    /** 공동생산사업단 명부: the district's providers, their zones, services and load. */
    public static final AccessRule LIST_PROVIDERS = AccessRule.operation("listProviders")
            .allow(WINDOW, OWN_DISTRICT)
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .build();

    public static final AccessRule READ_ASSIGNMENT = AccessRule.operation("readAssignment")
            .allow(WINDOW, OWN_DISTRICT)
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /**
     * 연계 근거: why a line went to its provider, with every candidate's load and share of the month's work; the
     * window and care managers of the district, never a provider (it would see its competitors' loads).
     */
    public static final AccessRule READ_ASSIGNMENT_EXPLANATION = AccessRule.operation("readAssignmentExplanation")
            .allow(WINDOW, OWN_DISTRICT)
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .build();

    /** A provider's caseload. */
    public static final AccessRule LIST_ASSIGNMENTS = AccessRule.operation("listAssignments")
            .allow(WINDOW, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** 서비스 제공 기록: only the provider the line is assigned to. */
    public static final AccessRule REPORT_DELIVERY =
            AccessRule.operation("reportDelivery").allow(PROVIDER, OWN_PROVIDER).build();

    public static final AccessRule READ_DELIVERY = AccessRule.operation("readDelivery")
            .allow(WINDOW, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** 검증 보류 목록: the window's queue of held deliveries; a provider sees its own held ones. */
    public static final AccessRule LIST_HELD_DELIVERIES = AccessRule.operation("listHeldDeliveries")
            .allow(WINDOW, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** 검증 승인/반려: the window answers a held delivery (it dispatches by hand, and checks deliveries the same way). */
    public static final AccessRule RELEASE_DELIVERY =
            AccessRule.operation("releaseDelivery").allow(WINDOW, OWN_DISTRICT).build();

    public static final AccessRule REJECT_DELIVERY =
            AccessRule.operation("rejectDelivery").allow(WINDOW, OWN_DISTRICT).build();

    /** 제공 취소: the window strikes out an announced delivery. */
    public static final AccessRule VOID_DELIVERY =
            AccessRule.operation("voidDelivery").allow(WINDOW, OWN_DISTRICT).build();

    /** 연계 제안: a member's open offers, to the member and to its district's window. */
    public static final AccessRule LIST_OFFERS = AccessRule.operation("listOffers")
            .allow(WINDOW, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    public static final AccessRule READ_OFFER = AccessRule.operation("readOffer")
            .allow(WINDOW, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** Only the member offered the line answers for it; the window dispatches by hand instead. */
    public static final AccessRule ACCEPT_OFFER =
            AccessRule.operation("acceptOffer").allow(PROVIDER, OWN_PROVIDER).build();

    public static final AccessRule DECLINE_OFFER =
            AccessRule.operation("declineOffer").allow(PROVIDER, OWN_PROVIDER).build();

    /** 수동 배정: the window gives a waiting line to a provider of its choice, with a reason. */
    public static final AccessRule DISPATCH_LINE =
            AccessRule.operation("dispatchLine").allow(WINDOW, OWN_DISTRICT).build();

    /** 재배정: the window moves a running line to another provider, with a reason. */
    public static final AccessRule REASSIGN_LINE =
            AccessRule.operation("reassignLine").allow(WINDOW, OWN_DISTRICT).build();

    /** 반납: only the provider that has the line gives it back. */
    public static final AccessRule HAND_BACK_LINE =
            AccessRule.operation("handBackLine").allow(PROVIDER, OWN_PROVIDER).build();

    /** 제공기관 정지/재개: the window stops offering a member anything, and starts again. */
    public static final AccessRule SUSPEND_PROVIDER =
            AccessRule.operation("suspendProvider").allow(WINDOW, OWN_DISTRICT).build();

    public static final AccessRule RESUME_PROVIDER =
            AccessRule.operation("resumeProvider").allow(WINDOW, OWN_DISTRICT).build();

    /** 협약 기간: the periods a member is under contract with the district, recorded by its window. */
    public static final AccessRule CHANGE_PROVIDER_CONTRACT = AccessRule.operation("addContractPeriod")
            .allow(WINDOW, OWN_DISTRICT)
            .build();

    /** 명부 변경: a member's capacity and agreed share, by the district's window. */
    public static final AccessRule CHANGE_PROVIDER_SERVICE = AccessRule.operation("changeProviderService")
            .allow(WINDOW, OWN_DISTRICT)
            .build();

    /** 명부 등록: a new consortium member, by the district's window. */
    public static final AccessRule REGISTER_PROVIDER =
            AccessRule.operation("registerProvider").allow(WINDOW, OWN_DISTRICT).build();

    /** One member's registry entry: to its district and to the member itself. */
    public static final AccessRule READ_PROVIDER = AccessRule.operation("readProvider")
            .allow(WINDOW, OWN_DISTRICT)
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** 권역 변경: the zones a member serves and leads. */
    public static final AccessRule CHANGE_PROVIDER_ZONES = AccessRule.operation("changeProviderZones")
            .allow(WINDOW, OWN_DISTRICT)
            .build();

    /** 명부 이력: who changed a member's entry, when and why; the window's audit trail. */
    public static final AccessRule READ_PROVIDER_HISTORY = AccessRule.operation("readProviderHistory")
            .allow(WINDOW, OWN_DISTRICT)
            .build();

    public static final AccessPolicy POLICY = AccessPolicy.of(
            LIST_PROVIDERS,
            READ_ASSIGNMENT,
            READ_ASSIGNMENT_EXPLANATION,
            LIST_ASSIGNMENTS,
            REPORT_DELIVERY,
            READ_DELIVERY,
            LIST_HELD_DELIVERIES,
            RELEASE_DELIVERY,
            REJECT_DELIVERY,
            VOID_DELIVERY,
            LIST_OFFERS,
            READ_OFFER,
            ACCEPT_OFFER,
            DECLINE_OFFER,
            DISPATCH_LINE,
            REASSIGN_LINE,
            HAND_BACK_LINE,
            SUSPEND_PROVIDER,
            RESUME_PROVIDER,
            CHANGE_PROVIDER_SERVICE,
            CHANGE_PROVIDER_CONTRACT,
            REGISTER_PROVIDER,
            READ_PROVIDER,
            CHANGE_PROVIDER_ZONES,
            READ_PROVIDER_HISTORY);

    private MatchingAccess() {}
}
