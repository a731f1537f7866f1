package kr.dolbom.events;

/** The resident's income tier, which decides who pays for a delivery. */
public enum IncomeTier {
    /** 기초생활수급자 */
    BASIC_LIVELIHOOD,
    /** 차상위계층 */
    NEAR_POOR,
    /** 일반: every other citizen */
    GENERAL
}
