package kr.dolbom.billing;

import kr.dolbom.platform.CareServiceApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingApplication {

    public static final String CONFIG_NAME = "billing-service";

    public static void main(String[] args) {
        CareServiceApplication.run(BillingApplication.class, CONFIG_NAME, args);
    }
}
