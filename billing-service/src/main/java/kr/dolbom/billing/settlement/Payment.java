package kr.dolbom.billing.settlement;

import java.time.LocalDate;

/** 지급: how and when the district paid a provider's approved month. */
public record Payment(String reference, LocalDate paidOn) {}
