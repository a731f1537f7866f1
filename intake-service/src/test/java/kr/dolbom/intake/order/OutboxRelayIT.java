package kr.dolbom.intake.order;

import static kr.dolbom.intake.request.CareRequests.senior;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import kr.dolbom.events.CareTopics;
import kr.dolbom.intake.IntakeIntegrationTest;
import kr.dolbom.platform.outbox.OutboxRelay;
import kr.dolbom.testsupport.KafkaTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OutboxRelayIT extends IntakeIntegrationTest {

    @Autowired
    OutboxRelay relay;

    @AfterEach
    void relayRunsAgain() {
        relay.start();
    }

    @Test
    void anOrderCommittedWhileTheRelayIsDownIsPublishedOnceWhenItComesBack() throws InterruptedException {
        relay.stop(); // the process dies between the commit and the publication

        UUID orderId = placeOrder();
        Thread.sleep(Duration.ofMillis(500).toMillis());

        assertThat(count("select count(*) from outbox_event where message_key = '" + orderId + "' and published_at is null"))
                .as("the order and its event committed together; the event waits in the outbox")
                .isEqualTo(1);
        assertThat(KAFKA.recordsWithKey(CareTopics.ORDERS, orderId)).isEmpty();

        relay.start(); // the restarted process finds the event and publishes it

        eventually().until(() -> KAFKA.recordsWithKey(CareTopics.ORDERS, orderId).size() == 1);
        eventually().until(() -> count("select count(*) from outbox_event where message_key = '" + orderId
                + "' and published_at is not null") == 1);
        Thread.sleep(Duration.ofMillis(500).toMillis());
        assertThat(KAFKA.recordsWithKey(CareTopics.ORDERS, orderId)).hasSize(1);
    }

    @Test
    void aPublicationWhoseMarkWasLostIsSentAgainWithTheSameEventId() {
        UUID orderId = placeOrder();
        eventually().until(() -> count("select count(*) from outbox_event where message_key = '" + orderId
                + "' and published_at is not null") == 1);

        relay.stop();
        // The broker acknowledged, then the process died before its mark committed.
        db.sql("update outbox_event set published_at = null where message_key = :key").bind("key", orderId.toString())
                .then().block();
        relay.start();

        var copies = eventually().until(() -> KAFKA.recordsWithKey(CareTopics.ORDERS, orderId), records -> records.size() == 2);
        assertThat(copies).extracting(record -> KafkaTestClient.header(record, "ce_id")).containsOnly(
                KafkaTestClient.header(copies.get(0), "ce_id"));
    }

    private UUID placeOrder() {
        return senior().named("정복순").meals(4).submitTo(http).careOrderId();
    }
}
