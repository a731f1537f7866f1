/**
 * Budgets (예산): each program's (service's) yearly budget of a district in versions, what the year's charges spent
 * of it, the warnings at 80 % and 100 %, and the consortium's revenue against its yearly target.
 */
@NullMarked
package kr.dolbom.billing.budget;

import org.jspecify.annotations.NullMarked;
