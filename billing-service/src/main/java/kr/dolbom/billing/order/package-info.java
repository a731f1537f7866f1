/** What billing keeps of an order's life: its holds and its end, which decide whether a delivery is charged. */
@NullMarked
package kr.dolbom.billing.order;

import org.jspecify.annotations.NullMarked;
