package kr.dolbom.billing.charge;

import java.time.LocalDate;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.CareTopics;
import kr.dolbom.platform.outbox.OutboxRelay;
import kr.dolbom.testsupport.OutboxDrills;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ChargeOutboxIT extends BillingIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @Test
    void aChargeCommittedWhileTheRelayIsDownIsPublishedOnceWhenItComesBack() throws InterruptedException {
        new OutboxDrills(relay, db, KAFKA).crashBetweenCommitAndPublish(CareTopics.CHARGES, this::chargeOneVisit);
    }

    @Test
    void aChargeWhosePublicationMarkWasLostGoesOutAgainWithTheSameEventId() {
        new OutboxDrills(relay, db, KAFKA).crashBeforeTheMarkCommits(CareTopics.CHARGES, this::chargeOneVisit);
    }

    private Object chargeOneVisit() {
        Deliveries deliveries = new Deliveries();
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2026, 11, 5), 90));
        eventually()
                .until(() ->
                        count("select count(*) from charge where provider_id = '" + deliveries.provider() + "'") == 1);
        return deliveries.careOrder();
    }
}
