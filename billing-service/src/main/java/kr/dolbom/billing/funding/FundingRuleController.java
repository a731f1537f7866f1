package kr.dolbom.billing.funding;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 지원 기준: the funding rules a district's charges are split by — the city-wide Care SOS rule and the district's own
 * — read and added by the district's billing officer. Adding is the only change: a rule is never edited or removed.
 */
@RestController
@RequestMapping("/api/v1/funding-rules")
class FundingRuleController {

    private final FundingRuleStore store;
    private final FundingRules rules;

    FundingRuleController(FundingRuleStore store, FundingRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /**
     * @param publicShareBasisPoints the public share (공공부담) in basis points of each charge: 10000 is all of it,
     *     5000 half; rounded down to the won, the co-payment is the rest
     * @param basis where the rule comes from (a district notice, a council decision), kept with it
     */
    record FundingRuleForm(
            @NotNull ServiceType serviceType,
            @NotNull IncomeTier incomeTier,
            @NotNull LocalDate effectiveFrom,

            @NotNull
            @Min(value = 0, message = "must be between 0 (0 %) and 10000 (100 %)")
            @Max(value = PublicShare.WHOLE, message = "must be between 0 (0 %) and 10000 (100 %)")
            Integer publicShareBasisPoints,

            @NotBlank @Size(max = 200) String basis) {}

    /** A rule; {@code district} is null for a city-wide one, {@code recordedBy} for one a migration recorded. */
    record FundingRuleView(
            String ruleId,
            @Nullable String district,
            ServiceType serviceType,
            IncomeTier incomeTier,
            LocalDate effectiveFrom,
            int publicShareBasisPoints,
            String basis,
            @Nullable String recordedBy,
            @Nullable String recordedAsRole,
            @Nullable Instant recordedAt) {

        static FundingRuleView of(FundingRule rule) {
            return new FundingRuleView(
                    rule.id(),
                    rule.district(),
                    rule.serviceType(),
                    rule.incomeTier(),
                    rule.effectiveFrom(),
                    rule.publicShare().basisPoints(),
                    rule.basis(),
                    rule.recordedBy(),
                    rule.recordedAsRole(),
                    rule.recordedAt());
        }
    }

    /** Every rule the district's charges are split by, by program, tier and day; each until the next of its kind. */
    @GetMapping("/{district}")
    Flux<FundingRuleView> listFundingRules(Caller caller, @PathVariable("district") @Size(max = 100) String district) {
        BillingAccess.LIST_FUNDING_RULES.reveal(caller, Holder.district(district), "district", district);
        return store.of(district).map(FundingRuleView::of);
    }

    /**
     * A new rule of the district from its day on (201). 409 when the district has one of the program and tier from
     * that day, 422 when the day lies in a closed month.
     */
    @PostMapping("/{district}")
    Mono<ResponseEntity<FundingRuleView>> addFundingRule(
            Caller caller,
            @PathVariable("district") @Size(max = 100) String district,
            @Valid @RequestBody FundingRuleForm form) {
        return rules.add(
                        caller,
                        district,
                        form.serviceType(),
                        form.incomeTier(),
                        form.effectiveFrom(),
                        new PublicShare(form.publicShareBasisPoints()),
                        form.basis())
                .map(rule -> ResponseEntity.created(URI.create("/api/v1/funding-rules/" + district))
                        .body(FundingRuleView.of(rule)));
    }
}
