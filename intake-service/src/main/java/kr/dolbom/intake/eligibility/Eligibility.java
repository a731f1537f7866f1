package kr.dolbom.intake.eligibility;

import java.util.Optional;
import kr.dolbom.events.RejectionReason;

/** The outcome of the eligibility rule: the group a resident qualifies in, or why not. */
public sealed interface Eligibility {

    /** 적격: served as a member of the group. */
    record Eligible(TargetGroup targetGroup) implements Eligibility {}

    /** 부적격: not a target of the program. */
    record Rejected(RejectionReason reason) implements Eligibility {}

    default boolean eligible() {
        return this instanceof Eligible;
    }

    default Optional<TargetGroup> group() {
        return this instanceof Eligible eligible ? Optional.of(eligible.targetGroup()) : Optional.empty();
    }

    default Optional<RejectionReason> rejection() {
        return this instanceof Rejected rejected ? Optional.of(rejected.reason()) : Optional.empty();
    }
}
