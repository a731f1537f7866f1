package kr.dolbom.reporting;

import kr.dolbom.platform.CareServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReportingApplication {

    public static final String CONFIG_NAME = "reporting-service";

    public static void main(String[] args) {
        CareServiceApplication.run(ReportingApplication.class, CONFIG_NAME, args);
    }
}
