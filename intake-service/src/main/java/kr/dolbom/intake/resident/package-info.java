/** Residents' personal data (개인정보): kept by intake alone, known elsewhere by a pseudonymous ref. */
@NullMarked
package kr.dolbom.intake.resident;

import org.jspecify.annotations.NullMarked;
