package kr.dolbom.billing.budget;

import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The consortium's (공동생산사업단) yearly revenue target, the same for every district unless configured: the Mapo plan
 * (seed 000) sets 연매출 200,000천원 이상.
 */
@Validated
@ConfigurationProperties("dolbom.billing.consortium")
public record ConsortiumProperties(@Nullable @Positive Long revenueTarget) {

    public static final long MAPO_PLAN_TARGET = 200_000_000L;

    public long target() {
        return revenueTarget == null ? MAPO_PLAN_TARGET : revenueTarget;
    }
}
