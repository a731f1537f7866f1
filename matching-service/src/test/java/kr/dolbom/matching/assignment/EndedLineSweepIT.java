package kr.dolbom.matching.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kr.dolbom.events.EventEnvelope;
import kr.dolbom.events.LineAssigned;
import kr.dolbom.events.ServiceType;
import kr.dolbom.matching.MatchingIntegrationTest;
import kr.dolbom.matching.TestDistrict;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A line whose period is over gives its provider's slot back, visits left or not, once. */
class EndedLineSweepIT extends MatchingIntegrationTest {

    @Autowired
    EndedLineSweep sweep;

    @Test
    void anEndedLineWithVisitsLeftNoLongerHoldsCapacity() {
        TestDistrict district = new TestDistrict(db);
        String carers = district.member("carers", ServiceType.TEMPORARY_HOME_CARE, 3, 0);
        district.publicCentre();
        EventEnvelope placed = district.order().homeCare(4, 120).placed();
        KAFKA.publish(placed);
        List<LineAssigned> lines = members().acceptAll(placed, 1);
        assertThat(lines.get(0).providerId()).isEqualTo(carers);
        assertThat(activeLines(carers)).isEqualTo(1);

        db.sql("update line_assignment set ends_on = current_date - 1 where line_id = :id")
                .bind("id", lines.get(0).lineId())
                .then()
                .block();
        sweep.releaseEnded().block();
        sweep.releaseEnded().block();

        assertThat(activeLines(carers)).as("released once").isZero();
        assertThat(count("select count(*) from line_assignment where holds_capacity and line_id = '"
                        + lines.get(0).lineId() + "'"))
                .isZero();
    }
}
