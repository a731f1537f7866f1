package kr.dolbom.intake.order;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.LineReassigned;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What intake follows of matching: who provides each line (and who takes it over), and the first delivery of each order. */
@Configuration(proxyBeanMethods = false)
class AssignmentSubscription {

    @Bean
    Subscription assignmentEvents(IdempotentConsumers consumers, LineAssignments assignments) {
        return consumers.subscribe(
                CareTopics.ASSIGNMENTS,
                handling().on(LineAssigned.class, assignments::record).on(LineReassigned.class, assignments::record));
    }

    @Bean
    Subscription deliveryEvents(IdempotentConsumers consumers, OrderLifecycle lifecycle) {
        return consumers.subscribe(CareTopics.DELIVERIES, handling().on(ServiceDelivered.class, lifecycle::delivered));
    }
}
