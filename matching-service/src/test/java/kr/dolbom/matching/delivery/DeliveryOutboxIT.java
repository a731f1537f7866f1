package kr.dolbom.matching.delivery;

import java.time.LocalDate;
import java.util.Map;
import kr.dolbom.events.CareTopics;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.platform.PlatformAutoConfiguration;
import kr.dolbom.platform.outbox.OutboxRelay;
import kr.dolbom.testsupport.OutboxDrills;
import kr.dolbom.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class DeliveryOutboxIT extends MatchingIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Test
    void aDeliveryCommittedWhileTheRelayIsDownIsPublishedOnceWhenItComesBack() throws InterruptedException {
        AssignedLines lines = AssignedLines.placeAndMatch(db, members());
        new OutboxDrills(relay, db, KAFKA)
                .crashBetweenCommitAndPublish(CareTopics.DELIVERIES, () -> reportMeals(lines));
    }

    @Test
    void aDeliveryWhosePublicationMarkWasLostGoesOutAgainWithTheSameEventId() {
        AssignedLines lines = AssignedLines.placeAndMatch(db, members());
        new OutboxDrills(relay, db, KAFKA).crashBeforeTheMarkCommits(CareTopics.DELIVERIES, () -> reportMeals(lines));
    }

    private Object reportMeals(AssignedLines lines) {
        as(TestTokens.provider(lines.meals().district(), lines.meals().providerId()))
                .post()
                .uri("/api/v1/deliveries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "lineId",
                        lines.meals().lineId(),
                        "providerId",
                        lines.meals().providerId(),
                        "serviceDate",
                        LocalDate.now(PlatformAutoConfiguration.SEOUL).toString(),
                        "units",
                        3,
                        "workerRef",
                        "DRIVER-01",
                        "outcome",
                        "DELIVERED"))
                .exchange()
                .expectStatus()
                .isCreated();
        return lines.careOrderId();
    }
}
