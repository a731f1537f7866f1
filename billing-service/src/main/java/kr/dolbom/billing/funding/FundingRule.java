package kr.dolbom.billing.funding;

import java.time.Instant;
import java.time.LocalDate;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import org.jspecify.annotations.Nullable;

/**
 * The public share of a program's (service's) charges for residents of one income tier, in force from a day until
 * the next rule of the same program and tier. A rule without a district is city-wide (the Care SOS rule the
 * migration records); a district's own rule takes over from its day on. A rule is never edited: a change is a new
 * row, and each row says who recorded it, when and on what basis.
 *
 * @param district the district the rule is of; null for a city-wide rule
 * @param recordedBy the subject of whoever recorded it; null for the rules the migrations record
 */
public record FundingRule(
        String id,
        @Nullable String district,
        ServiceType serviceType,
        IncomeTier incomeTier,
        LocalDate effectiveFrom,
        PublicShare publicShare,
        String basis,
        @Nullable String recordedBy,
        @Nullable String recordedAsRole,
        @Nullable Instant recordedAt) {}
