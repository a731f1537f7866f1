package kr.dolbom.intake.resident;

import static org.assertj.core.api.Assertions.assertThat;

import kr.dolbom.events.IncomeTier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Run by the jqwik engine beside Jupiter: which details differ is what a care request is refused for. */
class ResidentDetailsTest {

    @Property
    void detailsDifferFromThemselvesInNothing(@ForAll("details") ResidentDetails details) {
        assertThat(details.differingFrom(details)).isEmpty();
    }

    @Property
    void differenceIsSymmetric(@ForAll("details") ResidentDetails a, @ForAll("details") ResidentDetails b) {
        assertThat(a.differingFrom(b)).isEqualTo(b.differingFrom(a));
    }

    @Property
    void spacingInTheAddressIsNoMove(@ForAll("details") ResidentDetails details) {
        ResidentDetails retyped = new ResidentDetails(
                "  " + details.address().replace(" ", "   ") + " ",
                details.dong(),
                details.disabled(),
                details.incomeTier());
        assertThat(retyped.differingFrom(details)).isEmpty();
    }

    @Property
    void anotherTierIsNamed(@ForAll("details") ResidentDetails details, @ForAll IncomeTier tier) {
        ResidentDetails changed = new ResidentDetails(details.address(), details.dong(), details.disabled(), tier);
        assertThat(changed.differingFrom(details).contains("incomeTier")).isEqualTo(tier != details.incomeTier());
    }

    @Provide
    Arbitrary<ResidentDetails> details() {
        return Combinators.combine(
                        Arbitraries.of("서울특별시 마포구 망원로 12", "서울특별시 마포구 성산로 7, 203호", "월드컵로 1"),
                        Arbitraries.of("mangwon1", "seogyo", "hapjeong"),
                        Arbitraries.of(true, false),
                        Arbitraries.of(IncomeTier.class))
                .as(ResidentDetails::new);
    }
}
