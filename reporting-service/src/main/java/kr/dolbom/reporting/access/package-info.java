/** Who may do what in reporting: the service's access policy. */
@NullMarked
package kr.dolbom.reporting.access;

import org.jspecify.annotations.NullMarked;
