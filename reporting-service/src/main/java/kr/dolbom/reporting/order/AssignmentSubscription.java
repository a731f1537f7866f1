package kr.dolbom.reporting.order;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineOffered;
import kr.dolbom.events.OfferAccepted;
import kr.dolbom.events.OfferDeclined;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts lines as matching assigns them, in the month of the assignment, not of the order; and the offers made of
 * them, with their answers.
 */
@Configuration(proxyBeanMethods = false)
class AssignmentSubscription {

    @Bean
    Subscription assignmentEvents(IdempotentConsumers consumers, OrderKpiStore kpis) {
        return consumers.subscribe(
                CareTopics.ASSIGNMENTS,
                handling()
                        .on(LineAssigned.class, kpis::addLine)
                        .on(LineOffered.class, kpis::addOffer)
                        .on(OfferAccepted.class, kpis::addOffer)
                        .on(OfferDeclined.class, kpis::addOffer));
    }
}
