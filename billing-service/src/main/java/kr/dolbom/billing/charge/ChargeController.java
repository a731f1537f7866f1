package kr.dolbom.billing.charge;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import kr.dolbom.billing.access.BillingAccess;
import kr.dolbom.events.ServiceType;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/charges")
class ChargeController {

    private final ChargeStore charges;

    ChargeController(ChargeStore charges) {
        this.charges = charges;
    }

    /**
     * What one delivery was charged, under which tariff, and who pays it; {@code settlementMonth} is the month whose
     * settlement counts it (the month of {@code serviceDate}, or a later one for a delivery reported after its month
     * was closed: an adjustment); {@code fundingRuleId} the funding rule that split it (null for charges split before
     * rules were data); {@code reversal} the line that took it back once its delivery was voided (negative amounts,
     * counted in its own settlement month), null while it stands.
     */
    record ChargeView(
            UUID chargeId,
            UUID deliveryId,
            UUID careOrderId,
            String providerId,
            ServiceType serviceType,
            LocalDate serviceDate,
            @Nullable Integer minutes,
            @Nullable Integer units,
            long amount,
            long publicShare,
            long coPayment,
            String tariffId,
            int minutesBeyondAnnualCap,
            YearMonth settlementMonth,
            boolean adjustment,
            @Nullable String fundingRuleId,
            @Nullable ReversalView reversal) {

        static ChargeView of(Charge charge, ChargeStore.@Nullable BookedReversal reversal) {
            var delivery = charge.delivery();
            return new ChargeView(
                    charge.chargeId(),
                    delivery.deliveryId(),
                    delivery.careOrderId(),
                    delivery.providerId(),
                    delivery.serviceType(),
                    delivery.serviceDate(),
                    delivery.usage().minutes(),
                    delivery.usage().units(),
                    charge.amount(),
                    charge.split().publicShare(),
                    charge.split().coPayment(),
                    charge.tariffId(),
                    charge.minutesBeyondCap(),
                    charge.settlementMonth(),
                    charge.adjustment(),
                    charge.fundingRuleId(),
                    reversal == null
                            ? null
                            : new ReversalView(
                                    reversal.chargeId(),
                                    reversal.settlementMonth(),
                                    reversal.amount(),
                                    reversal.publicShare(),
                                    reversal.coPayment()));
        }
    }

    /** 청구 취소: the reversal's own line, the month whose settlement counts it, and its (negative) amounts. */
    record ReversalView(UUID chargeId, YearMonth settlementMonth, long amount, long publicShare, long coPayment) {}

    @GetMapping("/by-delivery/{deliveryId}")
    Mono<ChargeView> readChargeOfDelivery(Caller caller, @PathVariable("deliveryId") UUID deliveryId) {
        BillingAccess.READ_CHARGE_OF_DELIVERY.admit(caller);
        return charges.ofDelivery(deliveryId)
                .filter(charge -> BillingAccess.READ_CHARGE_OF_DELIVERY.reaches(
                        caller,
                        Holder.district(charge.delivery().district())
                                .heldBy(charge.delivery().providerId())))
                .flatMap(charge -> charges.reversalOf(charge.chargeId())
                        .map(reversal -> ChargeView.of(charge, reversal))
                        .defaultIfEmpty(ChargeView.of(charge, null)))
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("charge of delivery", deliveryId)));
    }
}
