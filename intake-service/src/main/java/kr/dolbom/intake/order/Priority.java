package kr.dolbom.intake.order;

import java.util.Set;

/**
 * The order in which the window works: emergencies first (긴급: an urgent request, or an emergency the assessment
 * found), then the Daejeon pilot's priority groups ({@link PriorityGroup}), then everyone else.
 */
public enum Priority {
    URGENT,
    PRIORITY_GROUP,
    ROUTINE;

    public static Priority of(boolean urgent, Set<PriorityGroup> groups) {
        if (urgent || groups.contains(PriorityGroup.EMERGENCY)) {
            return URGENT;
        }
        return groups.isEmpty() ? ROUTINE : PRIORITY_GROUP;
    }

    /** 0 first: what the work list sorts by. */
    public int rank() {
        return ordinal();
    }
}
