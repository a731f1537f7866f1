/** Reporting (통계): KPI read models of the care-order streams, rebuildable by replaying them. */
@NullMarked
package kr.dolbom.reporting;

import org.jspecify.annotations.NullMarked;
