/**
 * Delivery reports (서비스 제공 보고) and their verification (방문 검증, EVV): providers report work done on their lines,
 * checked against the plan; what is paid is verified or held for the window, which releases, rejects or voids it.
 */
@NullMarked
package kr.dolbom.matching.delivery;

import org.jspecify.annotations.NullMarked;
