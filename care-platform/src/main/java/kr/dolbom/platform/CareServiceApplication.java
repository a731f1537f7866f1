package kr.dolbom.platform;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** How every care service starts. */
public final class CareServiceApplication {

    private CareServiceApplication() {}

    /**
     * Runs a service with its own config file name ({@code intake-service.yml}, …), so that all four services can
     * also run side by side in one JVM without reading each other's settings.
     */
    public static ConfigurableApplicationContext run(Class<?> application, String configName, String... args) {
        return new SpringApplicationBuilder(application)
                .properties("spring.config.name=" + configName)
                .run(args);
    }
}
