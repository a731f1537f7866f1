package kr.dolbom.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.OrderPlaced;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.events.ServiceType;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A district of its own for one test: one zone with one dong, the providers the test declares, and
 * orders from that dong as intake would announce them. Nothing it does is seen by another test.
 */
public final class TestDistrict {

    public static final String DONG = "dong-1";
    public static final String ZONE = "zone-1";

    private final DatabaseClient db;
    private final String name = "test-" + UUID.randomUUID().toString().substring(0, 8);

    public TestDistrict(DatabaseClient db) {
        this.db = db;
        sql("insert into zone_dong (district, dong, zone) values ('" + name + "', '" + DONG + "', '" + ZONE + "')");
    }

    public String name() {
        return name;
    }

    /** A consortium member in the district's zone, offering one service with the given capacity and load. */
    public String member(String id, ServiceType service, int capacity, int activeLines) {
        return member(id, service, capacity, activeLines, 1);
    }

    /** A member as above, with an agreed share (weight) of the consortium's work in the service. */
    public String member(String id, ServiceType service, int capacity, int activeLines, int agreedShare) {
        String providerId = name + "-" + id;
        sql("insert into provider (id, name, kind, district) values ('" + providerId + "', '" + id
                + "', 'SOCIAL_COOPERATIVE', '" + name + "')");
        sql("insert into provider_zone (provider_id, zone) values ('" + providerId + "', '" + ZONE + "')");
        sql("insert into provider_service (provider_id, service_type, capacity, active_lines, agreed_share) values ('"
                + providerId + "', '" + service + "', " + capacity + ", " + activeLines + ", " + agreedShare + ")");
        sql("insert into provider_contract_change (provider_id, effective_on, under_contract, recorded_by, reason)"
                + " values ('" + providerId + "', current_date - 365, true, 'test', 'test district agreement')");
        return providerId;
    }

    /** The member that leads the zone (권역 주관기관): it takes over what other members hand back. */
    public String lead(String id, ServiceType service, int capacity, int activeLines) {
        String providerId = member(id, service, capacity, activeLines);
        sql("update provider_zone set lead = true where provider_id = '" + providerId + "'");
        return providerId;
    }

    /** The public home-care centre of the district, offering every service. */
    public String publicCentre() {
        String providerId = name + "-public";
        sql("insert into provider (id, name, kind, district, last_resort) values ('" + providerId
                + "', '종합재가센터', 'PUBLIC_HOME_CARE_CENTRE', '" + name + "', true)");
        for (ServiceType type : ServiceType.values()) {
            sql("insert into provider_service (provider_id, service_type, capacity) values ('" + providerId + "', '"
                    + type + "', 500)");
        }
        return providerId;
    }

    public OrderBuilder order() {
        return new OrderBuilder(DONG);
    }

    public OrderBuilder orderFromDong(String dong) {
        return new OrderBuilder(dong);
    }

    private void sql(String statement) {
        db.sql(statement).then().block();
    }

    public final class OrderBuilder {

        private final String dong;
        private final List<OrderPlaced.Line> lines = new ArrayList<>();
        private IncomeTier tier = IncomeTier.BASIC_LIVELIHOOD;
        private UUID resident = UUID.randomUUID();
        // urgent orders are matched as they arrive, the others once their care plan is approved
        private boolean urgent = true;

        private OrderBuilder(String dong) {
            this.dong = dong;
        }

        public OrderBuilder homeCare(int visits, int minutes) {
            return line(ServiceType.TEMPORARY_HOME_CARE, visits, minutes);
        }

        public OrderBuilder meals(int meals) {
            return line(ServiceType.MEAL_SUPPORT, meals, null);
        }

        /** Not urgent: matched only once its care plan is approved. */
        public OrderBuilder awaitingPlan() {
            urgent = false;
            return this;
        }

        /** An order of this resident (each order has a resident of its own otherwise). */
        public OrderBuilder forResident(UUID residentRef) {
            resident = residentRef;
            return this;
        }

        public OrderBuilder paidInFull() {
            tier = IncomeTier.GENERAL;
            return this;
        }

        public OrderBuilder line(ServiceType type, int quantity, Integer minutes) {
            LocalDate today = LocalDate.now(kr.dolbom.platform.PlatformAutoConfiguration.SEOUL);
            lines.add(new OrderPlaced.Line(
                    UUID.randomUUID(), type, quantity, minutes, today.minusDays(7), today.plusDays(30)));
            return this;
        }

        public EventEnvelope placed() {
            LocalDate today = LocalDate.now(kr.dolbom.platform.PlatformAutoConfiguration.SEOUL);
            return EventEnvelope.of(
                    new OrderPlaced(
                            UUID.randomUUID(),
                            resident,
                            name,
                            dong,
                            tier,
                            urgent,
                            RequestChannel.DONG_CENTRE,
                            today,
                            lines),
                    "/dolbom/intake-service",
                    Instant.now());
        }
    }
}
