/** Intake (접수): requests and referrals become care orders; residents' personal data stays here. */
@NullMarked
package kr.dolbom.intake;

import org.jspecify.annotations.NullMarked;
