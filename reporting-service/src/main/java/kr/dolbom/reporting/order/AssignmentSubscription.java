package kr.dolbom.reporting.order;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineOffered;
import kr.dolbom.events.OfferAccepted;
import kr.dolbom.events.OfferDeclined;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import kr.dolbom.reporting.ReadModelChanges;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Counts lines as matching assigns them, in the month of the assignment, not of the order; and the offers made of
 * them, with their answers. An assignment takes a line off the ops view's queue: its stream hears of it once committed.
 */
@Configuration(proxyBeanMethods = false)
class AssignmentSubscription {

    @Bean
    Subscription assignmentEvents(IdempotentConsumers consumers, OrderKpiStore kpis, ReadModelChanges changes) {
        return consumers.subscribe(
                CareTopics.ASSIGNMENTS,
                handling()
                        .on(LineAssigned.class, assigned -> changes.afterCommit(kpis.addLine(assigned)))
                        .on(LineOffered.class, kpis::addOffer)
                        .on(OfferAccepted.class, kpis::addOffer)
                        .on(OfferDeclined.class, kpis::addOffer));
    }
}
