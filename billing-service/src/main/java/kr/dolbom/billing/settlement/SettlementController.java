package kr.dolbom.billing.settlement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.events.SettlementPaid;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import kr.dolbom.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 월 정산: a provider's month, read, and moved through its states — submitted by the provider, approved and paid by
 * the district's billing officer. The district is always the caller's own. Each answer carries the settlement's
 * version as {@code ETag}; a change sent with {@code If-Match} of an older one is refused (412) rather than
 * confirming or approving a statement its caller did not see. A change its state does not allow is a 409 naming
 * the state.
 */
@RestController
@RequestMapping("/api/v1/settlements")
class SettlementController {

    private final SettlementStore settlements;
    private final HoldStore holds;
    private final SettlementLifecycle lifecycle;

    SettlementController(SettlementStore settlements, HoldStore holds, SettlementLifecycle lifecycle) {
        this.settlements = settlements;
        this.holds = holds;
        this.lifecycle = lifecycle;
    }

    /**
     * @param reference the payment's reference (a transfer or voucher number), one line of at most 100 characters
     * @param paidOn the day the district paid, neither in the future nor before the approval
     */
    record PaymentForm(
            @NotBlank @Size(max = SettlementPaid.LONGEST_REFERENCE)
            String reference,

            @NotNull LocalDate paidOn) {}

    /**
     * The provider's month in the caller's district: its state, lines and totals, and apart its held deliveries. A
     * month without charges is an empty draft; a provider the district never charged nor held a delivery of is not
     * found.
     */
    @GetMapping
    Mono<ResponseEntity<SettlementView>> readSettlement(
            Caller caller,
            @RequestParam("provider") @NotBlank @Size(max = 100) String provider,
            @RequestParam("month") YearMonth month) {
        BillingAccess.READ_SETTLEMENT.admit(caller);
        String district = SettlementLifecycle.districtOf(caller);
        BillingAccess.READ_SETTLEMENT.reveal(caller, Holder.district(district).heldBy(provider), "provider", provider);
        return settlements
                .find(district, provider, month)
                .flatMap(this::answer)
                .switchIfEmpty(Mono.defer(() -> (caller.worksFor(provider)
                                ? Mono.just(true)
                                : knows(district, provider))
                        .flatMap(known -> known
                                ? holds.openIn(district, provider, month)
                                        .collectList()
                                        .map(held ->
                                                ResponseEntity.ok(SettlementView.none(provider, district, month, held)))
                                : Mono.error(RuleViolation.notFound("provider", provider)))));
    }

    /** Whether billing knows the provider in the district: charged there, or a delivery of it held there. */
    private Mono<Boolean> knows(String district, String provider) {
        return settlements
                .knows(district, provider)
                .flatMap(charged -> charged ? Mono.just(true) : holds.knows(district, provider));
    }

    /** 제출: the provider confirms its statement of a month that is over; nothing is added to it any more. */
    @PostMapping("/{provider}/{month}/submission")
    Mono<ResponseEntity<SettlementView>> submitSettlement(
            Caller caller,
            @PathVariable("provider") @Size(max = 100) String provider,
            @PathVariable("month") YearMonth month,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return lifecycle
                .submit(caller, provider, month, IfMatch.version(ifMatch))
                .flatMap(this::answer);
    }

    /** 승인: the billing officer approves a submitted statement; the month is closed and announced. */
    @PostMapping("/{provider}/{month}/approval")
    Mono<ResponseEntity<SettlementView>> approveSettlement(
            Caller caller,
            @PathVariable("provider") @Size(max = 100) String provider,
            @PathVariable("month") YearMonth month,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return lifecycle
                .approve(caller, provider, month, IfMatch.version(ifMatch))
                .flatMap(this::answer);
    }

    /** 지급: the billing officer records the payment of an approved month; announced. */
    @PostMapping("/{provider}/{month}/payment")
    Mono<ResponseEntity<SettlementView>> recordSettlementPayment(
            Caller caller,
            @PathVariable("provider") @Size(max = 100) String provider,
            @PathVariable("month") YearMonth month,
            @Valid @RequestBody PaymentForm form,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        return lifecycle
                .recordPayment(
                        caller, provider, month, new Payment(form.reference(), form.paidOn()), IfMatch.version(ifMatch))
                .flatMap(this::answer);
    }

    private Mono<ResponseEntity<SettlementView>> answer(Settlement settlement) {
        return Mono.zip(
                        settlements.statement(settlement.district(), settlement.providerId(), settlement.month()),
                        settlements.history(settlement.id()).collectList(),
                        holds.openIn(settlement.district(), settlement.providerId(), settlement.month())
                                .collectList())
                .map(read -> ResponseEntity.ok()
                        .eTag("\"" + settlement.version() + "\"")
                        .body(SettlementView.of(settlement, read.getT1(), read.getT2(), read.getT3())));
    }
}
