package kr.dolbom.billing.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.CancelReason;
import kr.dolbom.events.CareEvent;
import kr.dolbom.events.CareTopics;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.HoldReason;
import kr.dolbom.events.OrderCancelled;
import kr.dolbom.events.OrderPutOnHold;
import kr.dolbom.events.OrderResumed;
import kr.dolbom.testsupport.KafkaTestClient;
import org.junit.jupiter.api.Test;

/** Billing charges no delivery dated in a hold of its order or after its cancellation, and says why. */
class OrderPausesIT extends BillingIntegrationTest {

    static final String DEAD_LETTERS = CareTopics.deadLetter(CareTopics.DELIVERIES, "billing-service");

    @Test
    void deliveriesInAHoldOrAfterACancellationAreNotChargedAndDeadLetteredWithTheReason() {
        Deliveries deliveries = new Deliveries();
        String district = "mapo";
        publishAndAwait(new OrderPutOnHold(
                deliveries.careOrder(), district, HoldReason.HOSPITAL_ADMISSION, LocalDate.of(2026, 11, 10), null));
        publishAndAwait(new OrderResumed(deliveries.careOrder(), district, LocalDate.of(2026, 11, 17)));
        publishAndAwait(new OrderCancelled(
                deliveries.careOrder(), district, CancelReason.RESIDENT_DECEASED, LocalDate.of(2026, 11, 25)));

        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2026, 11, 9), 120)); // before the hold
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2026, 11, 12), 120)); // in it
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2026, 11, 17), 120)); // resumed
        KAFKA.publish(deliveries.homeCareVisit(LocalDate.of(2026, 11, 25), 120)); // cancelled

        var refused = eventually()
                .until(
                        () -> KAFKA.recordsWithKey(DEAD_LETTERS, deliveries.careOrder()),
                        records -> records.size() == 2);
        assertThat(refused)
                .extracting(record -> KafkaTestClient.header(record, "kafka_dlt-exception-message"))
                .anySatisfy(reason -> assertThat(reason).contains("on hold from 2026-11-10 until 2026-11-17"))
                .anySatisfy(reason -> assertThat(reason).contains("ended (RESIDENT_DECEASED) from 2026-11-25"));
        eventually()
                .until(() -> count("select count(*) from charge where care_order_id = '" + deliveries.careOrder() + "'")
                        == 2);
        assertThat(count("select count(*) from charge where care_order_id = '" + deliveries.careOrder()
                        + "' and service_date in ('2026-11-09', '2026-11-17')"))
                .isEqualTo(2);
    }

    private void publishAndAwait(CareEvent event) {
        KAFKA.publish(EventEnvelope.of(event, "/dolbom/intake-service", Instant.now()));
        KAFKA.awaitHandled(CareTopics.ORDERS, "billing-service", event.careOrderId());
    }
}
