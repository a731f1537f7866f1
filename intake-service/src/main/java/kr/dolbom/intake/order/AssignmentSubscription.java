package kr.dolbom.intake.order;

import kr.dolbom.events.CareTopics;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.platform.inbox.EventHandlers;
import kr.dolbom.platform.inbox.IdempotentConsumers;
import kr.dolbom.platform.inbox.Subscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssignmentSubscription {

    @Bean
    Subscription assignmentEvents(IdempotentConsumers consumers, LineAssignments assignments) {
        return consumers.subscribe(
                CareTopics.ASSIGNMENTS,
                EventHandlers.handling()
                        .on(LineAssigned.class, (assigned, envelope) -> assignments.record(assigned, envelope.time())));
    }
}
