package kr.dolbom.intake.request;

import java.util.Optional;
import kr.dolbom.events.RejectionReason;
import kr.dolbom.intake.order.TargetGroup;

/** The outcome of the eligibility rule: the group a resident qualifies in, or why not. */
public record Eligibility(Optional<TargetGroup> group, Optional<RejectionReason> rejection) {

    static Eligibility eligibleAs(TargetGroup group) {
        return new Eligibility(Optional.of(group), Optional.empty());
    }

    static Eligibility rejected(RejectionReason reason) {
        return new Eligibility(Optional.empty(), Optional.of(reason));
    }

    public boolean eligible() {
        return group.isPresent();
    }
}
