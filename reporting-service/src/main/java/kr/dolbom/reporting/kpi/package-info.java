/** The KPI endpoints: one district's or provider's month, as dashboards ask for it. */
@NullMarked
package kr.dolbom.reporting.kpi;

import org.jspecify.annotations.NullMarked;
