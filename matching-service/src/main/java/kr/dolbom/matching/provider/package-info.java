/** The provider registry (공동생산사업단): members by zone, what they offer, and who gets a line. */
@NullMarked
package kr.dolbom.matching.provider;

import org.jspecify.annotations.NullMarked;
