package kr.dolbom.platform;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.ZoneId;
import kr.dolbom.events.CareEventCodec;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;

/**
 * The core every care service shares: the Korean clock, the database client and transactions, the event codec
 * and strict JSON. The outbox, the consumers, the topics and the problem details are configured apart
 * ({@code OutboxAutoConfiguration}, {@code InboxAutoConfiguration}, {@code CareKafkaAutoConfiguration},
 * {@code ProblemDetailsAutoConfiguration}), each replaceable by a bean of the service's own.
 */
@AutoConfiguration
public class PlatformAutoConfiguration {

    /** Dates of care (delivery days, months of settlement) are Korean dates, whatever the host's zone. */
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(SEOUL);
    }

    @Bean
    @ConditionalOnMissingBean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean
    CareEventCodec careEventCodec() {
        return new CareEventCodec();
    }

    /** Strict REST input: an unknown or misspelt field is an error, not silently dropped. */
    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
