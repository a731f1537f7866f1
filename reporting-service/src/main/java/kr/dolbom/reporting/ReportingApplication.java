package kr.dolbom.reporting;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class ReportingApplication {

    /** Its own config file name, so that all four services can also run side by side in one JVM. */
    public static final String CONFIG_NAME = "reporting-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(ReportingApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
