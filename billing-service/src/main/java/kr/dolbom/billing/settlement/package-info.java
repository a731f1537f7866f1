/** Settlement (정산): what the district owes a provider for a month, added up from its charges. */
@NullMarked
package kr.dolbom.billing.settlement;

import org.jspecify.annotations.NullMarked;
