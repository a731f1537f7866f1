/** Charging: each reported delivery priced once, split between the public purse and the user, and announced. */
@NullMarked
package kr.dolbom.billing.charge;

import org.jspecify.annotations.NullMarked;
