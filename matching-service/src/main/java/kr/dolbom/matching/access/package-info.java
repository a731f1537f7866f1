/** Who may do what in matching: the service's access policy. */
@NullMarked
package kr.dolbom.matching.access;

import org.jspecify.annotations.NullMarked;
