/** The dongs of the districts this window serves: reference data the request and the resident both check. */
@NullMarked
package kr.dolbom.intake.district;

import org.jspecify.annotations.NullMarked;
