/**
 * Care plans (돌봄계획): dated, versioned service lines with their recurrence, approved by the care manager,
 * and the planned occurrences that deliveries are later compared against.
 */
@NullMarked
package kr.dolbom.intake.plan;

import org.jspecify.annotations.NullMarked;
