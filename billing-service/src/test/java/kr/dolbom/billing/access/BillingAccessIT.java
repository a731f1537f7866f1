package kr.dolbom.billing.access;

import static kr.dolbom.testsupport.AuthorizationMatrix.OWN_PROVIDER;

import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import kr.dolbom.billing.BillingIntegrationTest;
import kr.dolbom.billing.Deliveries;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.ServiceDelivered;
import kr.dolbom.testsupport.AuthorizationMatrix;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Billing's access policy against the running service, as the generated matrix. */
class BillingAccessIT extends BillingIntegrationTest {

    @TestFactory
    Stream<DynamicNode> authorizationMatrix() {
        EventEnvelope visit = new Deliveries(OWN_PROVIDER).homeCareVisit(LocalDate.of(2026, 11, 4), 120);
        UUID delivery = ((ServiceDelivered) visit.data()).deliveryId();
        KAFKA.publish(visit);
        eventually().until(() -> count("select count(*) from charge where delivery_id = '" + delivery + "'") == 1);

        return AuthorizationMatrix.of(http, BillingAccess.POLICY)
                .operation("listTariffs", 200, client -> client.get().uri("/api/v1/tariffs"))
                .operation(
                        "readChargeOfDelivery",
                        200,
                        client -> client.get().uri("/api/v1/charges/by-delivery/{id}", delivery))
                .operation(
                        "readSettlement",
                        200,
                        client -> client.get().uri("/api/v1/settlements?provider={p}&month=2026-11", OWN_PROVIDER))
                .tests();
    }
}
