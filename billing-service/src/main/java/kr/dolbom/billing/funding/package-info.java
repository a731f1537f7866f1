/**
 * Funding rules (지원 기준): who pays which part of a delivery, as dated rows per program (service) and income tier,
 * city-wide or of one district.
 */
@NullMarked
package kr.dolbom.billing.funding;

import org.jspecify.annotations.NullMarked;
