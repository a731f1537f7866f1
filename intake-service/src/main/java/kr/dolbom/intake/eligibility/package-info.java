/** Who may be served (돌봄SOS 대상자): the target groups and the rule that decides them. */
@NullMarked
package kr.dolbom.intake.eligibility;

import org.jspecify.annotations.NullMarked;
