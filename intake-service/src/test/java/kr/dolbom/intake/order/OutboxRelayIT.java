package kr.dolbom.intake.order;

import static kr.dolbom.intake.request.CareRequests.senior;

import kr.dolbom.events.CareTopics;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.platform.outbox.OutboxRelay;
import kr.dolbom.testsupport.OutboxDrills;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxRelayIT extends IntakeIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Test
    void anOrderCommittedWhileTheRelayIsDownIsPublishedOnceWhenItComesBack() throws InterruptedException {
        new OutboxDrills(relay, db, KAFKA)
                .crashBetweenCommitAndPublish(
                        CareTopics.ORDERS,
                        () -> senior().namedUniquely("정복순")
                                .meals(4)
                                .submitTo(careManager())
                                .careOrderId());
    }

    @Test
    void aPublicationWhoseMarkWasLostIsSentAgainWithTheSameEventId() {
        new OutboxDrills(relay, db, KAFKA)
                .crashBeforeTheMarkCommits(
                        CareTopics.ORDERS,
                        () -> senior().namedUniquely("정복순")
                                .meals(4)
                                .submitTo(careManager())
                                .careOrderId());
    }
}
