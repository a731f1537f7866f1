package kr.dolbom.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kr.dolbom.billing.funding.PublicShare;
import org.junit.jupiter.api.Test;

/** The 60-hour cap of 일시재가 per resident and year, at its edges, and who pays the part beyond it. */
class AnnualCapTest {

    static final int HOURS_59 = 59 * 60;
    static final int HOURS_60 = 60 * 60;

    @Test
    void aTwoHourVisitAfterFiftyNineHoursIsHalfWithinTheCap() {
        assertThat(AnnualCap.of(HOURS_59, 120)).isEqualTo(new AnnualCap.Use(60, 60));
    }

    @Test
    void aVisitThatEndsExactlyAtSixtyHoursIsWithinAndTheNextIsBeyond() {
        assertThat(AnnualCap.of(HOURS_59, 60)).isEqualTo(new AnnualCap.Use(60, 0));
        assertThat(AnnualCap.of(HOURS_60, 30)).isEqualTo(new AnnualCap.Use(0, 30));
        assertThat(AnnualCap.of(HOURS_60 + 500, 30)).isEqualTo(new AnnualCap.Use(0, 30));
    }

    @Test
    void theFirstVisitOfTheYearStartsFromZero() {
        // the ledger is kept per year of the visit's day: 1 January opens a new row at 0 minutes
        assertThat(AnnualCap.of(0, 240)).isEqualTo(new AnnualCap.Use(240, 0));
    }

    @Test
    void thePublicPaysOnlyTheMinutesWithinTheCapRoundedDownAndTheResidentTheRest() {
        FundingPolicy.Split crossing = FundingPolicy.split(38_340, PublicShare.ALL, AnnualCap.of(HOURS_59, 120));
        assertThat(crossing).isEqualTo(new FundingPolicy.Split(19_170, 19_170));

        FundingPolicy.Split odd = FundingPolicy.split(22_641, PublicShare.ALL, new AnnualCap.Use(20, 40));
        assertThat(odd.publicShare()).isEqualTo(7_547); // 22,641 × 20 / 60 = 7,547 rounded down
        assertThat(odd.publicShare() + odd.coPayment()).isEqualTo(22_641);

        assertThat(FundingPolicy.split(38_340, PublicShare.ALL, AnnualCap.of(HOURS_60, 120)))
                .isEqualTo(new FundingPolicy.Split(0, 38_340));
        assertThat(FundingPolicy.split(38_340, PublicShare.NONE, AnnualCap.of(HOURS_59, 120)))
                .as("a citizen who pays in full pays in full")
                .isEqualTo(new FundingPolicy.Split(0, 38_340));
        assertThat(FundingPolicy.split(38_340, PublicShare.ALL, AnnualCap.of(0, 120)))
                .isEqualTo(new FundingPolicy.Split(38_340, 0));

        // half funded, half of the visit within the cap: a quarter public, rounded down once after both fractions
        FundingPolicy.Split partial = FundingPolicy.split(22_641, new PublicShare(5_000), new AnnualCap.Use(30, 30));
        assertThat(partial).isEqualTo(new FundingPolicy.Split(5_660, 16_981)); // 22,641 / 4 = 5,660.25
    }

    @Test
    void noNegativeMinutes() {
        assertThatThrownBy(() -> AnnualCap.of(-1, 60)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnnualCap.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
