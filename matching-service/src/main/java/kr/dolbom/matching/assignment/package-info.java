/** Assignments (연계): each line of a placed order given to a provider, announced once. */
@NullMarked
package kr.dolbom.matching.assignment;

import org.jspecify.annotations.NullMarked;
