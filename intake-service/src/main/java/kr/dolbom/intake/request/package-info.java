/** Taking a request in (신청·접수): checks, eligibility, idempotent answers. */
@NullMarked
package kr.dolbom.intake.request;

import org.jspecify.annotations.NullMarked;
