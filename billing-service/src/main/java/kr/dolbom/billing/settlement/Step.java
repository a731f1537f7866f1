package kr.dolbom.billing.settlement;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a settlement's history: the state it entered, at which version, when, and who did it (the token's
 * subject and role; none when billing itself opened the draft for a charge).
 */
public record Step(
        int version,
        SettlementState state,
        Instant at,
        @Nullable String by,
        @Nullable String role,
        String note) {}
