/**
 * The district plans' targets (목표) per KPI, as dated data: reporting's own rows, never fed by events, so a rebuild of
 * the read models leaves them as they are.
 */
@NullMarked
package kr.dolbom.reporting.targets;

import org.jspecify.annotations.NullMarked;
