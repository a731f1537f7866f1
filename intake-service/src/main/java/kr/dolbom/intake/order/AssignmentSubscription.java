package kr.dolbom.intake.order;

import static kr.dolbom.platform.inbox.EventHandlers.handling;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssignmentSubscription {

    @Bean
    Subscription assignmentEvents(IdempotentConsumers consumers, LineAssignments assignments) {
        return consumers.subscribe(CareTopics.ASSIGNMENTS, handling().on(LineAssigned.class, assignments::record));
    }
}
