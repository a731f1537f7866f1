/** Who may do what in intake: the service's access policy. */
@NullMarked
package kr.dolbom.intake.access;

import org.jspecify.annotations.NullMarked;
