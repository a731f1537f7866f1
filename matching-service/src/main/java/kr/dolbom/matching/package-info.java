/** Matching (연계): service lines go to the district's providers, who report what they delivered. */
@NullMarked
package kr.dolbom.matching;

import org.jspecify.annotations.NullMarked;
