/** Delivery reports (서비스 제공 보고): providers report work done on their lines, checked against the plan. */
@NullMarked
package kr.dolbom.matching.delivery;

import org.jspecify.annotations.NullMarked;
