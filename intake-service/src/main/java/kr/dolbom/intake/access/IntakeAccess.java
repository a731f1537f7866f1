package kr.dolbom.intake.access;

import static kr.dolbom.platform.security.CareRole.AGENCY;
import static kr.dolbom.platform.security.CareRole.CARE_MANAGER;
import static kr.dolbom.platform.security.CareRole.PRIVACY_OFFICER;
import static kr.dolbom.platform.security.CareRole.PROVIDER;
import static kr.dolbom.platform.security.CareRole.WINDOW;
import static kr.dolbom.platform.security.Reach.OWN_DISTRICT;
import static kr.dolbom.platform.security.Reach.OWN_PROVIDER;
import static kr.dolbom.platform.security.Reach.OWN_SUBMISSIONS;

import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.AccessPolicy;
import kr.dolbom.platform.security.AccessRule;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;

/**
 * Who may do what in intake. Personal data (name, phone, address, birth date) goes to the care managers of the
 * resident's district and dong; the window and a provider holding an open line of the resident get the contact
 * details needed to arrange and make a visit, the provider only with the resident's consent. Orders carry no
 * personal data; an agency sees only the referrals it sent. Every read of personal data is audited.
 */
public final class IntakeAccess {

    /** 접수·의뢰: the district's care managers (in their dongs) and window, and referring agencies. */
    public static final AccessRule SUBMIT_CARE_REQUEST = AccessRule.operation("submitCareRequest")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .allow(WINDOW, OWN_DISTRICT)
            .allow(AGENCY, OWN_DISTRICT)
            .build();

    /** 업무 목록: the window's work list, a care manager's caseload. */
    public static final AccessRule LIST_CARE_ORDERS = AccessRule.operation("listCareOrders")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .allow(WINDOW, OWN_DISTRICT)
            .build();

    public static final AccessRule READ_CARE_ORDER = AccessRule.operation("readCareOrder")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .allow(WINDOW, OWN_DISTRICT)
            .allow(AGENCY, OWN_SUBMISSIONS)
            .build();

    /** 보류·재개·취소: the district's care managers (in their dongs) and window run the order. */
    public static final AccessRule HOLD_CARE_ORDER = runningTheOrder("holdCareOrder");

    public static final AccessRule RESUME_CARE_ORDER = runningTheOrder("resumeCareOrder");
    public static final AccessRule CANCEL_CARE_ORDER = runningTheOrder("cancelCareOrder");

    /** 욕구사정: health facts, so the care managers only, who visit and assess. */
    public static final AccessRule ASSESS_CARE_ORDER = AccessRule.operation("assessCareOrder")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .build();

    public static final AccessRule READ_ASSESSMENT = AccessRule.operation("readAssessment")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .build();

    /** 돌봄계획: the care managers write and approve it; the window and the providers of its lines read it. */
    public static final AccessRule READ_CARE_PLAN = AccessRule.operation("readCarePlan")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .allow(WINDOW, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    public static final AccessRule DRAFT_CARE_PLAN = AccessRule.operation("draftCarePlan")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .build();

    public static final AccessRule APPROVE_CARE_PLAN = AccessRule.operation("approveCarePlan")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .build();

    /** The resident's whole record: case management, by the care managers only. */
    public static final AccessRule READ_RESIDENT = AccessRule.operation("readResident")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .build();

    public static final AccessRule CHANGE_RESIDENT = AccessRule.operation("changeResident")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .build();

    /** Name, phone and address, to arrange a visit (window) or make it (the provider of an open line). */
    public static final AccessRule READ_RESIDENT_CONTACT = AccessRule.operation("readResidentContact")
            .allow(CARE_MANAGER, OWN_DISTRICT)
            .allow(WINDOW, OWN_DISTRICT)
            .allow(PROVIDER, OWN_PROVIDER)
            .build();

    /** 개인정보 열람 기록: the district's privacy officer. */
    public static final AccessRule READ_PERSONAL_DATA_READS = AccessRule.operation("readPersonalDataReads")
            .allow(PRIVACY_OFFICER, OWN_DISTRICT)
            .build();

    public static final AccessPolicy POLICY = AccessPolicy.of(
            SUBMIT_CARE_REQUEST,
            LIST_CARE_ORDERS,
            READ_CARE_ORDER,
            HOLD_CARE_ORDER,
            RESUME_CARE_ORDER,
            CANCEL_CARE_ORDER,
            ASSESS_CARE_ORDER,
            READ_ASSESSMENT,
            READ_CARE_PLAN,
            DRAFT_CARE_PLAN,
            APPROVE_CARE_PLAN,
            READ_RESIDENT,
            CHANGE_RESIDENT,
            READ_RESIDENT_CONTACT,
            READ_PERSONAL_DATA_READS);

    private IntakeAccess() {}

    private static AccessRule runningTheOrder(String operation) {
        return AccessRule.operation(operation)
                .allow(CARE_MANAGER, OWN_DISTRICT)
                .allow(WINDOW, OWN_DISTRICT)
                .build();
    }

    /** A request names its district and the resident's dong: a caller may send one for its own only. */
    public static void submit(Caller caller, String district, String dong) {
        SUBMIT_CARE_REQUEST.admit(caller);
        if (!caller.actsFor(district)) {
            throw RuleViolation.forbidden("district", "is not the caller's district");
        }
        SUBMIT_CARE_REQUEST.create(caller, Holder.district(district).dong(dong), "resident.dong");
    }

    /**
     * A provider that may see the contact of the resident still needs the resident's consent; without it the
     * window arranges the visit by phone.
     */
    public static void shareContact(Caller caller, boolean consented) {
        if (caller.is(PROVIDER) && !consented) {
            throw RuleViolation.forbidden("the resident has not agreed to share contact details with providers;"
                    + " the integrated window arranges the visit");
        }
    }
}
