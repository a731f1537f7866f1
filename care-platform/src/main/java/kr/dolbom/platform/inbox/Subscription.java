package kr.dolbom.platform.inbox;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareEventType;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.messaging.Message;

/**
 * A service's subscription to one care stream, declared once as a bean:
 *
 * <pre>{@code
 * @Bean
 * Subscription assignmentEvents(IdempotentConsumers consumers, CareOrderStore orders) {
 *     return consumers.subscribe(CareTopics.ASSIGNMENTS, EventHandlers.handling()
 *             .on(LineAssigned.class, (assigned, envelope) -> ...));
 * }
 * }</pre>
 *
 * The bean's name names its inbox, its metrics and its binding; the platform derives the function definition
 * and the binding's destination from the declaration ({@link SubscriptionBindings}).
 */
public final class Subscription implements Consumer<Message<List<byte[]>>>, BeanNameAware {

    private final String topic;
    private final EventHandlers handlers;
    private final IdempotentConsumers consumers;
    private String name;

    Subscription(String topic, EventHandlers handlers, IdempotentConsumers consumers) {
        handlers.types().forEach(type -> {
            String home = CareEventType.of(type).topic();
            if (!home.equals(topic)) {
                throw new IllegalArgumentException(
                        type.getSimpleName() + " is published on " + home + ", not " + topic);
            }
        });
        this.topic = topic;
        this.handlers = handlers;
        this.consumers = consumers;
    }

    @Override
    public void setBeanName(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    /**
     * The event types this subscription applies; the others on its stream pass by without an inbox row. A replay
     * of the stream outside the binder (reporting's rebuild) must apply exactly these.
     */
    public Set<Class<? extends CareEvent>> handledTypes() {
        return Set.copyOf(handlers.types());
    }

    /** The binding Spring Cloud Stream knows the function's input by. */
    public String bindingName() {
        return name + "-in-0";
    }

    /** One poll of the stream (the bindings are in batch mode), applied in order. */
    @Override
    public void accept(Message<List<byte[]>> batch) {
        consumers.consume(this, handlers, batch);
    }
}
