package kr.dolbom.intake.order;

import kr.dolbom.events.IncomeTier;

/**
 * The order in which the window works: emergencies first (긴급), then the Daejeon pilot's priority group of
 * basic-livelihood and near-poor households (기초생활수급·차상위 우선), then everyone else.
 */
public enum Priority {
    URGENT,
    LOW_INCOME_FIRST,
    ROUTINE;

    public static Priority of(boolean urgent, IncomeTier tier) {
        if (urgent) {
            return URGENT;
        }
        return tier == IncomeTier.GENERAL ? ROUTINE : LOW_INCOME_FIRST;
    }

    /** 0 first: what the work list sorts by. */
    public int rank() {
        return ordinal();
    }
}
