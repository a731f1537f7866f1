/** Billing: prices each delivery by the tariff in force on its day and settles each provider's month. */
@NullMarked
package kr.dolbom.billing;

import org.jspecify.annotations.NullMarked;
