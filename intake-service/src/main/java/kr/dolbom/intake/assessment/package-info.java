/**
 * Needs assessment (욕구사정): what the care manager found at the visit, and the Daejeon pilot's priority groups it
 * puts the order in, each with the rule that decided.
 */
@NullMarked
package kr.dolbom.intake.assessment;

import org.jspecify.annotations.NullMarked;
