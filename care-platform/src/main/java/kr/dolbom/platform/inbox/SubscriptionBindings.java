package kr.dolbom.platform.inbox;

import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the {@link Subscription} beans into Spring Cloud Stream configuration, so that no name is written in
 * YAML: before any bean is created, their names become the function definition; once they exist, each
 * binding gets its subscription's topic as destination (the binder binds later, when the context starts).
 */
public final class SubscriptionBindings implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String DEFINITION = "spring.cloud.function.definition";

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String[] names = beanFactory.getBeanNamesForType(Subscription.class, true, false);
        if (names.length > 0) {
            environment
                    .getPropertySources()
                    .addFirst(
                            new MapPropertySource("dolbomSubscriptions", Map.of(DEFINITION, String.join(";", names))));
        }
    }

    /** Gives each subscription's binding its topic; a destination configured otherwise is a mistake, not an override. */
    public static SmartInitializingSingleton destinations(ConfigurableListableBeanFactory beanFactory) {
        return () -> {
            BindingServiceProperties bindings = beanFactory.getBean(BindingServiceProperties.class);
            beanFactory.getBeansOfType(Subscription.class).values().forEach(subscription -> {
                BindingProperties binding = bindings.getBindingProperties(subscription.bindingName());
                // Unconfigured, Spring Cloud Stream falls back to the binding's own name as its destination.
                String configured = binding.getDestination();
                if (configured != null
                        && !configured.equals(subscription.bindingName())
                        && !configured.equals(subscription.topic())) {
                    throw new IllegalStateException(subscription.bindingName() + " is configured for "
                            + binding.getDestination() + " but subscribes to " + subscription.topic());
                }
                binding.setDestination(subscription.topic());
            });
        };
    }
}
