package kr.dolbom.intake.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import kr.dolbom.intake.access.IntakeAccess;
import kr.dolbom.intake.order.CareOrderStore;
import kr.dolbom.platform.domain.RuleViolation;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.Holder;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/personal-data-reads")
class PersonalDataReadController {

    private final PersonalDataReadStore reads;
    private final CareOrderStore orders;
    private final Clock clock;

    PersonalDataReadController(PersonalDataReadStore reads, CareOrderStore orders, Clock clock) {
        this.reads = reads;
        this.orders = orders;
        this.clock = clock;
    }

    /** Who read a resident's personal data, or what one caller read: newest first, in the officer's district. */
    @GetMapping
    Flux<PersonalDataRead> readPersonalDataReads(
            Caller caller,
            @RequestParam(name = "resident", required = false) @Nullable UUID resident,
            @RequestParam(name = "caller", required = false) @Size(max = 200) @Nullable String readBy,
            @RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(1000) int limit) {
        IntakeAccess.READ_PERSONAL_DATA_READS.admit(caller);
        if (resident == null && readBy == null) {
            throw RuleViolation.invalid("resident", "name a resident, a caller (caller=…) or both");
        }
        // the officer's own district, always: the query has no district parameter to forge
        String district = Objects.requireNonNull(caller.district());
        if (resident == null) {
            return reads.reads(district, null, readBy, limit);
        }
        // a resident of another district is not found, as everywhere
        return orders.reachOf(resident, LocalDate.now(clock))
                .switchIfEmpty(Mono.error(() -> RuleViolation.notFound("resident", resident)))
                .doOnNext(reach -> IntakeAccess.READ_PERSONAL_DATA_READS.reveal(
                        caller, Holder.district(reach.district()), "resident", resident))
                .thenMany(reads.reads(district, resident, readBy, limit));
    }
}
