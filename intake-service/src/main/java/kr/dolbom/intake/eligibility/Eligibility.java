package kr.dolbom.intake.eligibility;

import java.util.Optional;
import kr.dolbom.events.RejectionReason;

/** The outcome of the eligibility rule: the group a resident qualifies in, or why not. */
public sealed interface Eligibility {

    /**
     * 적격: served as a member of the group.
     *
     * @param rule the rule that decided, in the words of the program, with the facts it read
     */
    record Eligible(TargetGroup targetGroup, String rule) implements Eligibility {

        public Eligible(TargetGroup targetGroup) {
            this(targetGroup, targetGroup.rule());
        }
    }

    /** 부적격: not a target of the program, and which rule each group's test failed. */
    record Rejected(RejectionReason reason, String rule) implements Eligibility {

        public Rejected(RejectionReason reason) {
            this(reason, NOT_A_TARGET);
        }
    }

    String NOT_A_TARGET = "돌봄SOS 대상 아님: 만 65세 미만, 장애 없음, 만 50~64세 돌봄 필요 확인 없음";

    /** Why: the rule that made the decision. */
    String rule();

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
