package kr.dolbom.events;

import java.util.Arrays;
import java.util.Optional;

/** Every contract with its CloudEvents type (which carries the version) and its topic. */
public enum CareEventType {
    ORDER_PLACED(OrderPlaced.class, "kr.dolbom.care.order.placed.v1", CareTopics.ORDERS),
    ORDER_REJECTED(OrderRejected.class, "kr.dolbom.care.order.rejected.v1", CareTopics.ORDERS),
    ORDER_INCOME_TIER_CHANGED(
            OrderIncomeTierChanged.class, "kr.dolbom.care.order.income-tier-changed.v1", CareTopics.ORDERS),
    ORDER_PUT_ON_HOLD(OrderPutOnHold.class, "kr.dolbom.care.order.put-on-hold.v1", CareTopics.ORDERS),
    ORDER_RESUMED(OrderResumed.class, "kr.dolbom.care.order.resumed.v1", CareTopics.ORDERS),
    ORDER_CANCELLED(OrderCancelled.class, "kr.dolbom.care.order.cancelled.v1", CareTopics.ORDERS),
    ORDER_STARTED(OrderStarted.class, "kr.dolbom.care.order.started.v1", CareTopics.ORDERS),
    ORDER_COMPLETED(OrderCompleted.class, "kr.dolbom.care.order.completed.v1", CareTopics.ORDERS),
    CARE_PLAN_APPROVED(CarePlanApproved.class, "kr.dolbom.care.plan.approved.v1", CareTopics.ORDERS),
    LINE_OFFERED(LineOffered.class, "kr.dolbom.care.line.offered.v1", CareTopics.ASSIGNMENTS),
    OFFER_ACCEPTED(OfferAccepted.class, "kr.dolbom.care.offer.accepted.v1", CareTopics.ASSIGNMENTS),
    OFFER_DECLINED(OfferDeclined.class, "kr.dolbom.care.offer.declined.v1", CareTopics.ASSIGNMENTS),
    LINE_ASSIGNED(LineAssigned.class, "kr.dolbom.care.line.assigned.v1", CareTopics.ASSIGNMENTS),
    LINE_HANDED_BACK(LineHandedBack.class, "kr.dolbom.care.line.handed-back.v1", CareTopics.ASSIGNMENTS),
    LINE_REASSIGNED(LineReassigned.class, "kr.dolbom.care.line.reassigned.v1", CareTopics.ASSIGNMENTS),
    SERVICE_DELIVERED(ServiceDelivered.class, "kr.dolbom.care.service.delivered.v1", CareTopics.DELIVERIES),
    DELIVERY_VOIDED(DeliveryVoided.class, "kr.dolbom.care.delivery.voided.v1", CareTopics.DELIVERIES),
    DELIVERY_HELD(DeliveryHeld.class, "kr.dolbom.care.delivery.held.v1", CareTopics.DELIVERIES),
    DELIVERY_REJECTED(DeliveryRejected.class, "kr.dolbom.care.delivery.rejected.v1", CareTopics.DELIVERIES),
    DELIVERY_CHARGED(DeliveryCharged.class, "kr.dolbom.care.delivery.charged.v1", CareTopics.CHARGES),
    CHARGE_REVERSED(ChargeReversed.class, "kr.dolbom.care.charge.reversed.v1", CareTopics.CHARGES),
    SETTLEMENT_APPROVED(SettlementApproved.class, "kr.dolbom.care.settlement.approved.v1", CareTopics.CHARGES),
    SETTLEMENT_PAID(SettlementPaid.class, "kr.dolbom.care.settlement.paid.v1", CareTopics.CHARGES),
    BUDGET_THRESHOLD_REACHED(
            BudgetThresholdReached.class, "kr.dolbom.care.budget.threshold-reached.v1", CareTopics.CHARGES);

    private final Class<? extends CareEvent> javaType;
    private final String cloudEventType;
    private final String topic;

    CareEventType(Class<? extends CareEvent> javaType, String cloudEventType, String topic) {
        this.javaType = javaType;
        this.cloudEventType = cloudEventType;
        this.topic = topic;
    }

    public Class<? extends CareEvent> javaType() {
        return javaType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public String topic() {
        return topic;
    }

    public static CareEventType of(CareEvent event) {
        return of(event.getClass());
    }

    public static CareEventType of(Class<? extends CareEvent> javaType) {
        return Arrays.stream(values())
                .filter(type -> type.javaType == javaType)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no contract for " + javaType));
    }

    public static Optional<CareEventType> ofCloudEventType(String cloudEventType) {
        return Arrays.stream(values())
                .filter(type -> type.cloudEventType.equals(cloudEventType))
                .findFirst();
    }
}
