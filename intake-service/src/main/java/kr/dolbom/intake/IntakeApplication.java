package kr.dolbom.intake;

import kr.dolbom.platform.CareServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class IntakeApplication {

    public static final String CONFIG_NAME = "intake-service";

    public static void main(String[] args) {
        CareServiceApplication.run(IntakeApplication.class, CONFIG_NAME, args);
    }
}
