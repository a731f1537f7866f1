package kr.dolbom.billing;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingApplication {

    /** Its own config file name, so that all four services can also run side by side in one JVM. */
    public static final String CONFIG_NAME = "billing-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(BillingApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
