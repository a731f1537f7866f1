/** Deliveries, their units or minutes, and the residents served per district and month. */
@NullMarked
package kr.dolbom.reporting.delivery;

import org.jspecify.annotations.NullMarked;
