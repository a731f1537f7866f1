/**
 * Rebuilding the read models from the care streams (재구축): a replay of every stream from its beginning into a
 * shadow schema, swapped in whole while the API keeps answering from the old one.
 */
@NullMarked
package kr.dolbom.reporting.rebuild;

import org.jspecify.annotations.NullMarked;
