/**
 * The dashboard (대시보드): static pages that sign in with a token of the platform's issuer and draw what the KPI
 * API answers. The pages hold no figures of their own; every number comes through the API and its access rules.
 */
@NullMarked
package kr.dolbom.reporting.dashboard;

import org.jspecify.annotations.NullMarked;
