/** Orders requested and lines assigned per district and month, and the match rate they give. */
@NullMarked
package kr.dolbom.reporting.order;

import org.jspecify.annotations.NullMarked;
