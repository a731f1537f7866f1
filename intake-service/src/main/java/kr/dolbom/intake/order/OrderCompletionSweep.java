package kr.dolbom.intake.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Closes orders whose plan is over, soon after start-up and then every interval: nothing to catch up by hand. */
@Component
class OrderCompletionSweep {

    private static final Logger log = LoggerFactory.getLogger(OrderCompletionSweep.class);

    private final OrderLifecycle lifecycle;

    OrderCompletionSweep(OrderLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(fixedDelayString = "${dolbom.intake.completion-interval:PT15M}", initialDelayString = "PT30S")
    void sweep() {
        lifecycle
                .completeOrdersOver()
                .onErrorResume(e -> {
                    log.warn("The completion sweep failed; it runs again in an interval", e);
                    return Mono.empty();
                })
                .subscribe();
    }
}
