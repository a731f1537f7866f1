package kr.dolbom.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;

import kr.dolbom.events.IncomeTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FundingPolicyTest {

    @Test
    void basicLivelihoodRecipientsAndTheNearPoorPayNothing() {
        assertThat(FundingPolicy.split(38_340, IncomeTier.BASIC_LIVELIHOOD))
                .isEqualTo(new FundingPolicy.Split(38_340, 0));
        assertThat(FundingPolicy.split(38_340, IncomeTier.NEAR_POOR)).isEqualTo(new FundingPolicy.Split(38_340, 0));
    }

    @Test
    void everyOtherCitizenPaysInFull() {
        assertThat(FundingPolicy.split(38_340, IncomeTier.GENERAL)).isEqualTo(new FundingPolicy.Split(0, 38_340));
    }

    @ParameterizedTest
    @EnumSource(IncomeTier.class)
    void thePartsAlwaysAddUpToTheAmount(IncomeTier tier) {
        for (long amount : new long[] {0, 1, 7_400, 56_320, 9_999_999_999L}) {
            FundingPolicy.Split split = FundingPolicy.split(amount, tier);
            assertThat(split.publicShare() + split.coPayment()).isEqualTo(amount);
        }
    }
}
