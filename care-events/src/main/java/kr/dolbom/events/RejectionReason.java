package kr.dolbom.events;

/** Why intake turned a request down. */
public enum RejectionReason {
    /** Not a Care SOS target: under 50 without a disability, or 50–64 without an attested need. */
    NOT_IN_TARGET_GROUP
}
