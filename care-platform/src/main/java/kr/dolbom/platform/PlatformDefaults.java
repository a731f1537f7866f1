package kr.dolbom.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.dolbom.events.CareTopics;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Settings every care service shares, as the lowest-precedence property source: a service's own file,
 * environment variables and command-line arguments all override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "dolbomPlatformDefaults";

    private static final Pattern INPUT_DESTINATION =
            Pattern.compile("spring\\.cloud\\.stream\\.bindings\\.([^.]+-in-\\d+)\\.destination");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Each service owns one database (its name and user set by the service), reached over R2DBC;
        // Flyway migrates it over JDBC: the service's tables, then the shared outbox and inbox.
        defaults.put("dolbom.db.host", "localhost");
        defaults.put("dolbom.db.port", "5432");
        defaults.put("spring.r2dbc.url", "r2dbc:postgresql://${dolbom.db.host}:${dolbom.db.port}/${dolbom.db.name}");
        defaults.put("spring.flyway.url", "jdbc:postgresql://${dolbom.db.host}:${dolbom.db.port}/${dolbom.db.name}");
        defaults.put("spring.flyway.user", "${spring.r2dbc.username}");
        defaults.put("spring.flyway.password", "${spring.r2dbc.password}");
        String locations = "classpath:db/migration/${spring.application.name},classpath:db/platform";
        // The demo district (dongs, providers, prices) as repeatable migrations, for the local stack and tests.
        if (environment.getProperty("dolbom.demo-data", Boolean.class, false)) {
            locations += ",classpath:db/demo/${spring.application.name}";
        }
        defaults.put("spring.flyway.locations", locations);
        defaults.put("server.shutdown", "graceful");

        // Consumers: one group per service; a few retries with back-off, then the dead-letter topic.
        defaults.put("spring.cloud.stream.default.group", "${spring.application.name}");
        defaults.put("spring.cloud.stream.default.consumer.max-attempts", "4");
        defaults.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "200");
        defaults.put("spring.cloud.stream.default.consumer.back-off-max-interval", "5000");
        defaults.put("spring.cloud.stream.default.consumer.retryable-exceptions[kr.dolbom.events.MalformedEventException]", "false");
        defaults.put("spring.cloud.stream.default.consumer.retryable-exceptions[kr.dolbom.platform.inbox.RejectedEventException]", "false");
        defaults.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");
        deadLetterTopics(environment).forEach((binding, topic) ->
                defaults.put("spring.cloud.stream.kafka.bindings." + binding + ".consumer.dlq-name", topic));
        defaults.put("spring.cloud.stream.kafka.default.consumer.start-offset", "earliest");
        defaults.put("spring.cloud.stream.kafka.binder.replication-factor", "${dolbom.topics.replication-factor:1}");
        defaults.put("spring.cloud.stream.kafka.binder.min-partition-count", "${dolbom.topics.partitions:6}");
        defaults.put("spring.kafka.bootstrap-servers", "localhost:9092");

        // Operations: health groups for Kubernetes probes, Prometheus, the order id in every log line.
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-details", "always");
        defaults.put("management.metrics.tags.service", "${spring.application.name}");
        defaults.put("logging.pattern.correlation", "[%X{careOrderId:-}] ");
        defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }

    /**
     * {@code care.orders.v1.matching-service.dlq} for each input binding: the stream, then the group that could
     * not process the record. Named per binding because the binder provisions the dead-letter topic by name.
     */
    static Map<String, String> deadLetterTopics(ConfigurableEnvironment environment) {
        Map<String, String> topics = new LinkedHashMap<>();
        String group = environment.getProperty("spring.application.name");
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String key : enumerable.getPropertyNames()) {
                    Matcher input = INPUT_DESTINATION.matcher(key);
                    String destination = environment.getProperty(key);
                    if (input.matches() && destination != null && group != null) {
                        topics.putIfAbsent(input.group(1), CareTopics.deadLetter(destination, group));
                    }
                }
            }
        }
        return topics;
    }
}
