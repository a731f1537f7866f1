package kr.dolbom.reporting.targets;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The districts (자치구) whose plans may set targets: Seoul's 25 unless configured
 * ({@code DOLBOM_REPORTING_DISTRICTS_0}, …). Reporting learns of other districts only from events, and a plan's
 * targets come before its district's first request, so the city's list is what a target is checked against.
 */
@ConfigurationProperties("dolbom.reporting")
public record DistrictsProperties(
        @DefaultValue({
            "jongno",
            "jung",
            "yongsan",
            "seongdong",
            "gwangjin",
            "dongdaemun",
            "jungnang",
            "seongbuk",
            "gangbuk",
            "dobong",
            "nowon",
            "eunpyeong",
            "seodaemun",
            "mapo",
            "yangcheon",
            "gangseo",
            "guro",
            "geumcheon",
            "yeongdeungpo",
            "dongjak",
            "gwanak",
            "seocho",
            "gangnam",
            "songpa",
            "gangdong"
        })
        List<String> districts) {

    public DistrictsProperties {
        districts = List.copyOf(districts);
    }
}
