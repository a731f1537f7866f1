package kr.dolbom.intake.access;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kr.dolbom.events.CareTopics;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.intake.request.IntakeAnswer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** Personal data stays in intake: no record on any topic carries a resident's name, phone or address. */
class PseudonymousEventsIT extends IntakeIntegrationTest {

    @Test
    void noTopicCarriesAResidentsNamePhoneOrAddress() {
        String name = "가명검사";
        String phone = "010-7777-4321";
        String address = "서울특별시 마포구 가명로 77";
        IntakeAnswer answer = senior().named(name)
                .phone(phone)
                .with("resident.address", address)
                .homeCare(2, 120)
                .meals(4)
                .submitTo(careManager());
        eventually()
                .until(() -> !KAFKA.recordsWithKey(CareTopics.ORDERS, answer.careOrderId())
                        .isEmpty());

        List<String> hits = new ArrayList<>();
        List<String> secrets = List.of(name, phone, phone.replace("-", ""), address, "가명로");
        for (String topic : KAFKA.topics()) {
            if (topic.startsWith("__")) {
                continue;
            }
            KAFKA.records(topic, record -> true).forEach(record -> {
                StringBuilder text = new StringBuilder(String.valueOf(record.key()));
                if (record.value() != null) {
                    text.append(new String(record.value(), StandardCharsets.UTF_8));
                }
                for (Header header : record.headers()) {
                    text.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
                }
                secrets.stream()
                        .filter(secret -> text.indexOf(secret) >= 0)
                        .forEach(secret -> hits.add(topic + "@" + record.offset() + " carries '" + secret + "'"));
            });
        }
        assertThat(hits).isEmpty();
    }
}
