package kr.dolbom.matching.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryStatusTest {

    @Test
    void aHeldDeliveryIsReleasedOrRejectedAndTheSameAnswerTwiceIsTheSame() {
        assertThat(DeliveryStatus.HELD.release()).isEqualTo(DeliveryStatus.RELEASED);
        assertThat(DeliveryStatus.RELEASED.release()).isEqualTo(DeliveryStatus.RELEASED);
        assertThat(DeliveryStatus.HELD.reject()).isEqualTo(DeliveryStatus.REJECTED);
        assertThat(DeliveryStatus.REJECTED.reject()).isEqualTo(DeliveryStatus.REJECTED);
    }

    @ParameterizedTest
    @EnumSource(
            value = DeliveryStatus.class,
            names = {"VERIFIED", "REJECTED", "VOIDED"})
    void onlyAHeldDeliveryIsReleased(DeliveryStatus status) {
        assertThatThrownBy(status::release).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
            assertThat(violation.properties()).containsEntry("deliveryStatus", status.name());
        });
    }

    @Test
    void aReleasedDeliveryIsNotRejectedNorARejectedOneReleased() {
        assertThatThrownBy(DeliveryStatus.RELEASED::reject).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(DeliveryStatus.VERIFIED::reject).isInstanceOf(RuleViolation.class);
    }

    @Test
    void anAnnouncedDeliveryIsVoidedOnceAndAHeldOneIsRejectedInstead() {
        assertThat(DeliveryStatus.VERIFIED.voided()).isEqualTo(DeliveryStatus.VOIDED);
        assertThat(DeliveryStatus.RELEASED.voided()).isEqualTo(DeliveryStatus.VOIDED);
        assertThatThrownBy(DeliveryStatus.VOIDED::voided).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(DeliveryStatus.REJECTED::voided).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(DeliveryStatus.HELD::voided)
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("reject it instead");
    }
}
