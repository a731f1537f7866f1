package kr.dolbom.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.dolbom.billing.funding.PublicShare;
import kr.dolbom.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FundingPolicyTest {

    @Test
    void underTheCareSosRuleTheLowIncomeTiersPayNothingAndEveryOtherCitizenPaysInFull() {
        // the city-wide rows V5 records: 수급자 and 차상위 10000 bp, 일반 0 bp
        assertThat(FundingPolicy.split(38_340, PublicShare.ALL)).isEqualTo(new FundingPolicy.Split(38_340, 0));
        assertThat(FundingPolicy.split(38_340, PublicShare.NONE)).isEqualTo(new FundingPolicy.Split(0, 38_340));
    }

    @Test
    void aPartialShareIsRoundedDownToTheWonAndTheCoPaymentIsTheRest() {
        assertThat(FundingPolicy.split(38_340, new PublicShare(5_000)))
                .isEqualTo(new FundingPolicy.Split(19_170, 19_170));
        // 7,401 × 50 % = 3,700.5: the public pays 3,700, the resident 3,701
        assertThat(FundingPolicy.split(7_401, new PublicShare(5_000))).isEqualTo(new FundingPolicy.Split(3_700, 3_701));
        // 22,640 × 33.33 % = 7,545.912
        assertThat(FundingPolicy.split(22_640, new PublicShare(3_333)))
                .isEqualTo(new FundingPolicy.Split(7_545, 15_095));
        // 1 won at 99.99 %: the public's part rounds to nothing
        assertThat(FundingPolicy.split(1, new PublicShare(9_999))).isEqualTo(new FundingPolicy.Split(0, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2_500, 3_333, 5_000, 6_667, 9_999, 10_000})
    void thePartsAlwaysAddUpToTheAmount(int basisPoints) {
        PublicShare share = new PublicShare(basisPoints);
        for (long amount : new long[] {0, 1, 3, 7_400, 7_401, 56_320, 99_999_999, 9_999_999_999L}) {
            FundingPolicy.Split split = FundingPolicy.split(amount, share);
            assertThat(split.publicShare() + split.coPayment()).isEqualTo(amount);
            assertThat(split.publicShare()).isBetween(0L, amount);
            // never more than the rule's share: public × 10000 ≤ amount × bp < (public + 1) × 10000
            assertThat(split.publicShare() * 10_000).isLessThanOrEqualTo(amount * basisPoints);
            assertThat((split.publicShare() + 1) * 10_000).isGreaterThan(amount * basisPoints);
            for (int within = 0; within <= 60; within += 7) {
                FundingPolicy.Split capped = FundingPolicy.split(amount, share, new AnnualCap.Use(within, 60 - within));
                assertThat(capped.publicShare() + capped.coPayment()).isEqualTo(amount);
                assertThat(capped.publicShare()).isLessThanOrEqualTo(split.publicShare());
            }
        }
    }

    @Test
    void aShareOutsideZeroToAHundredPercentIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new PublicShare(-1))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        violation -> assertThat(violation.violations())
                                .extracting(RuleViolation.Violation::field)
                                .containsExactly("publicShareBasisPoints"));
        assertThatThrownBy(() -> new PublicShare(10_001)).isInstanceOf(RuleViolation.class);
    }
}
