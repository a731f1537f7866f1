package kr.dolbom.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every care service shares, as the lowest-precedence property source: a service's own file,
 * environment variables and command-line arguments all override them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "dolbomPlatformDefaults";

    private static final String SECONDS_BUCKETS =
            "5ms,10ms,25ms,50ms,75ms,100ms,150ms,200ms,300ms,500ms,750ms,1s,1500ms,2s,3s,5s,10s,30s";

    /**
     * Reactor Netty 1.3.6/1.3.7 can stop reading a keep-alive connection whose next request arrives before the
     * previous exchange has terminated, e.g. after an answer given without reading the request body (a 403, a 412):
     * that next request then waits for the client's time-out (reactor/reactor-netty#4361, fixed after 1.3.7).
     * Flushing the last response when nothing reads the body terminates the exchange at once and closes that route.
     */
    static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // a system property, read once when Reactor Netty's server classes load: before any server starts
        System.getProperties().putIfAbsent(LAST_FLUSH_WHEN_NO_READ, "true");
        Map<String, Object> defaults = new LinkedHashMap<>();
        // Each service owns one database (its name and user set by the service), reached over R2DBC;
        // Flyway migrates it over JDBC: the service's tables, then the shared outbox and inbox.
        defaults.put("dolbom.db.host", "localhost");
        defaults.put("dolbom.db.port", "5432");
        defaults.put("spring.r2dbc.url", "r2dbc:postgresql://${dolbom.db.host}:${dolbom.db.port}/${dolbom.db.name}");
        defaults.put("spring.flyway.url", "jdbc:postgresql://${dolbom.db.host}:${dolbom.db.port}/${dolbom.db.name}");
        // A bounded wait for a pooled connection: under an outage, answer 503 (and let a consumer back off) rather
        // than queue. It includes opening the connection (SCRAM and all), which at start-up on a loaded two-core
        // machine took over 2 s: 5 s keeps a slow start from failing; overload is shed earlier, by in-flight count.
        defaults.put("spring.r2dbc.pool.max-acquire-time", "5s");
        defaults.put("spring.flyway.user", "${spring.r2dbc.username}");
        defaults.put("spring.flyway.password", "${spring.r2dbc.password}");
        String locations = "classpath:db/migration/${spring.application.name},classpath:db/platform";
        // The demo district (dongs, zones, providers) as repeatable migrations, for the local stack and tests.
        if (environment.getProperty("dolbom.demo-data", Boolean.class, false)) {
            locations += ",classpath:db/demo/${spring.application.name}";
        }
        defaults.put("spring.flyway.locations", locations);
        defaults.put("server.shutdown", "graceful");

        // Consumers: one group per service. The value is already the bytes the codec reads, so no message
        // conversion on the way in. Retries and dead-lettering are the listener container's, not the binder's:
        // the binder's dead-letter send is fire-and-forget and commits the offset even when it fails.
        defaults.put("spring.cloud.stream.default.group", "${spring.application.name}");
        defaults.put("spring.cloud.stream.default.consumer.use-native-decoding", "true");
        defaults.put("spring.cloud.stream.default.consumer.max-attempts", "1");
        // A poll is applied in one transaction (IdempotentConsumers), its offsets committed after it.
        defaults.put("spring.cloud.stream.default.consumer.batch-mode", "true");
        defaults.put(
                "spring.cloud.stream.kafka.default.consumer.configuration.key.deserializer",
                StringDeserializer.class.getName());
        defaults.put(
                "spring.cloud.stream.kafka.default.consumer.configuration.value.deserializer",
                ByteArrayDeserializer.class.getName());
        defaults.put("spring.cloud.stream.kafka.default.consumer.start-offset", "earliest");
        // Instances of a service share its group: when one comes or goes, only the partitions that move stop
        // (cooperative), and an instance that died without leaving is given up after 15 s instead of the
        // client's 45 s, the pause its partitions wait (measured by the scale-out drill).
        defaults.put(
                "spring.cloud.stream.kafka.default.consumer.configuration.partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        defaults.put("spring.cloud.stream.kafka.default.consumer.configuration.session.timeout.ms", "15000");
        defaults.put("spring.cloud.stream.kafka.binder.replication-factor", "${dolbom.topics.replication-factor:1}");
        defaults.put("spring.cloud.stream.kafka.binder.min-partition-count", "${dolbom.topics.partitions:6}");
        defaults.put("spring.kafka.bootstrap-servers", "localhost:9092");

        // Operations: health groups for Kubernetes probes, Prometheus, the order id in every log line.
        // deadletters: list and replay this service's dead-letter topics (DeadLetterEndpoint).
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics,deadletters");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // Not ready without its database: a load balancer stops sending requests that could only fail.
        // Liveness stays as it is: restarting the service would not bring the database back.
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,r2dbc");
        // details (which database, which binder, why down) only to operators; the probes answer UP/DOWN to all
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.roles", "OPERATOR");
        defaults.put("management.metrics.tags.service", "${spring.application.name}");
        // Buckets, not client-side percentiles: they add up across replicas and over any window.
        defaults.put("management.metrics.distribution.slo.dolbom.consumer.freshness", SECONDS_BUCKETS);
        defaults.put("management.metrics.distribution.slo.dolbom.outbox.relay.lag", SECONDS_BUCKETS);
        // each log line names its trace and, where there is one, the care order: on whichever thread the reactive
        // work runs, the trace and the order id of its Reactor context are put back into the MDC
        defaults.put("spring.reactor.context-propagation", "auto");
        defaults.put("logging.pattern.correlation", "[%X{traceId:-},%X{spanId:-}] [%X{careOrderId:-}] ");
        // every request and event traced: exported only where an OTLP endpoint is set
        // (management.opentelemetry.tracing.export.otlp.endpoint); lower it where the collector cannot keep up
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        // Swagger UI signs in as a public client with PKCE (no secret in a browser); the local issuer's is
        // dolbom-web, a city's issuer names its own (springdoc.swagger-ui.oauth.client-id)
        defaults.put("springdoc.swagger-ui.oauth.client-id", "dolbom-web");
        defaults.put("springdoc.swagger-ui.oauth.use-pkce-with-authorization-code-grant", "true");
        defaults.put("springdoc.swagger-ui.oauth.scopes", "openid");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
