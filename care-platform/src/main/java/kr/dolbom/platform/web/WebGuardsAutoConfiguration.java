package kr.dolbom.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;
import tools.jackson.core.StreamReadFeature;

/**
 * What every service's API refuses before its handlers run: more requests at once than it can serve, and text
 * its database cannot store; and in JSON bodies, text it cannot store and keys given twice (which of the two
 * would count is the parser's accident, not the client's intent).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebGuardsAutoConfiguration {

    /** Sized for two cores: far more than the connection pool serves at once, far fewer than would exhaust memory. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    @Bean
    @ConditionalOnMissingBean
    LoadSheddingFilter loadSheddingFilter(
            @Value("${dolbom.web.max-in-flight:" + DEFAULT_MAX_IN_FLIGHT + "}") int maxInFlight,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorPath,
            ServerCodecConfigurer codecs,
            MeterRegistry meters) {
        return new LoadSheddingFilter(maxInFlight, actuatorPath, new ProblemResponses(codecs), meters);
    }

    @Bean
    @ConditionalOnMissingBean
    StorableParametersFilter storableParametersFilter(ServerCodecConfigurer codecs) {
        return new StorableParametersFilter(new ProblemResponses(codecs));
    }

    @Bean
    JsonMapperBuilderCustomizer storableRequestText() {
        return builder -> builder.addModule(StorableTextDeserializer.module())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }
}
