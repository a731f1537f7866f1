/** The append-only record of every read of a resident's personal data (개인정보 열람 기록), for the privacy officer. */
@NullMarked
package kr.dolbom.intake.audit;

import org.jspecify.annotations.NullMarked;
