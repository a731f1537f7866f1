package kr.dolbom.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import kr.dolbom.platform.inbox.RejectedEventException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class EventFiguresTest {

    private final List<String> stored = new ArrayList<>();

    @Test
    void figuresAnEventCannotYieldRejectItWithTheReasonAndStoreNothing() {
        Mono<Void> recorded = EventFigures.record(() -> {
            throw new IllegalArgumentException("units is missing");
        }, this::store);

        StepVerifier.create(recorded)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RejectedEventException.class)
                        .hasMessage("units is missing"))
                .verify();
        assertThat(stored).isEmpty();
    }

    @Test
    void figuresAreStoredOnlyWhenSubscribedSoThatTheyRunInTheInboxTransaction() {
        Mono<Void> recorded = EventFigures.record(() -> "12 meals", this::store);
        assertThat(stored).isEmpty();

        StepVerifier.create(recorded).verifyComplete();
        assertThat(stored).containsExactly("12 meals");
    }

    @Test
    void blankTextIsMissing() {
        assertThat(EventFigures.required("mapo", "district")).isEqualTo("mapo");
        assertThatIllegalArgumentException().isThrownBy(() -> EventFigures.required(" ", "district"))
                .withMessage("district is missing");
        assertThatIllegalArgumentException().isThrownBy(() -> EventFigures.required(null, "residentRef"))
                .withMessage("residentRef is missing");
    }

    private Mono<Void> store(String figures) {
        return Mono.fromRunnable(() -> stored.add(figures));
    }
}
