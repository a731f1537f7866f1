/** Charges per district and per provider and month, in whole won, to reconcile with billing. */
@NullMarked
package kr.dolbom.reporting.charge;

import org.jspecify.annotations.NullMarked;
