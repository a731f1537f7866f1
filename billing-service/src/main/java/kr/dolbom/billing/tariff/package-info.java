/** Tariffs: dated price rules per service, and the refusal of what they cannot price. */
@NullMarked
package kr.dolbom.billing.tariff;

import org.jspecify.annotations.NullMarked;
