package kr.dolbom.matching;

import kr.dolbom.platform.CareServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class MatchingApplication {

    public static final String CONFIG_NAME = "matching-service";

    public static void main(String[] args) {
        CareServiceApplication.run(MatchingApplication.class, CONFIG_NAME, args);
    }
}
