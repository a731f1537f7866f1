package kr.dolbom.matching.delivery;

import java.util.List;
import java.util.UUID;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.Members;
import kr.dolbom.matching.TestDistrict;
import org.springframework.r2dbc.core.DatabaseClient;

/** An order of two home-care visits and ten meals, matched in a district of its own: lines to report on. */
record AssignedLines(UUID careOrderId, LineAssigned homeCare, LineAssigned meals, String otherProvider) {

    static AssignedLines placeAndMatch(DatabaseClient db, Members members) {
        TestDistrict district = new TestDistrict(db);
        district.member("carers", ServiceType.TEMPORARY_HOME_CARE, 10, 0);
        district.member("kitchen", ServiceType.MEAL_SUPPORT, 10, 0);
        String other = district.member("others", ServiceType.MOBILITY_SUPPORT, 10, 0);
        district.publicCentre();
        EventEnvelope order = district.order().homeCare(2, 150).meals(10).placed();
        members.kafka().publish(order);
        List<LineAssigned> lines = members.acceptAll(order, 2);
        LineAssigned homeCare = lines.stream()
                .filter(l -> l.serviceType() == ServiceType.TEMPORARY_HOME_CARE)
                .findFirst()
                .orElseThrow();
        LineAssigned meals = lines.stream()
                .filter(l -> l.serviceType() == ServiceType.MEAL_SUPPORT)
                .findFirst()
                .orElseThrow();
        return new AssignedLines(order.data().careOrderId(), homeCare, meals, other);
    }
}
