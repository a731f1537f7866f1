package kr.dolbom.intake.resident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Data minimisation (개인정보 최소화): the record of an applicant who was only ever rejected is written before the
 * decision, because the decision needs it; it is kept for the appeal period and then loses name, phone and
 * address. A later request of the same person starts a new record.
 */
@Component
public class RejectedApplicantErasure {

    private static final Logger log = LoggerFactory.getLogger(RejectedApplicantErasure.class);

    private final ResidentStore residents;
    private final Duration retention;
    private final Clock clock;

    RejectedApplicantErasure(
            ResidentStore residents,
            @Value("${dolbom.intake.rejected-applicant-retention:P90D}") Duration retention,
            Clock clock) {
        this.residents = residents;
        this.retention = retention;
        this.clock = clock;
    }

    /** Erases whoever is due; returns how many were. */
    public Mono<Long> eraseDue() {
        Instant now = clock.instant();
        return residents.eraseRejectedApplicants(now.minus(retention), now).doOnNext(erased -> {
            if (erased > 0) {
                log.info("Erased the personal data of {} rejected applicant(s) past the appeal period", erased);
            }
        });
    }

    @Scheduled(fixedDelayString = "${dolbom.intake.erasure-interval:PT1H}", initialDelayString = "PT1M")
    void scheduled() {
        eraseDue()
                .onErrorResume(e -> {
                    log.warn("Erasure of rejected applicants failed; next try in an interval", e);
                    return Mono.empty();
                })
                .subscribe();
    }
}
