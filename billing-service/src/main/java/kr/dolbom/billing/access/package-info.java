/** Who may do what in billing: the service's access policy. */
@NullMarked
package kr.dolbom.billing.access;

import org.jspecify.annotations.NullMarked;
