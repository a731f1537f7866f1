package kr.dolbom.reporting.order;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Counts lines as matching assigns them, in the month of the assignment, not of the order. */
@Configuration(proxyBeanMethods = false)
class AssignmentSubscription {

    @Bean
    Subscription assignmentEvents(IdempotentConsumers consumers, OrderKpiStore kpis) {
        return consumers.subscribe(CareTopics.ASSIGNMENTS, handling().on(LineAssigned.class, kpis::addLine));
    }
}
