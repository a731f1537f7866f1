package kr.dolbom.matching.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import kr.dolbom.events.DeliveryOutcome;
import org.jspecify.annotations.Nullable;

/**
 * A provider's report of work done on one of its lines: a visit with its start and end, or a number of
 * units (meals, jobs) on a day, with who did it and what came of it. Which of them a report must carry depends
 * on the line, so they are checked by {@link DeliveryRules}, not here.
 *
 * @param workerRef the provider's own staff code for the care worker (요양보호사 사번): letters, digits, {@code . _ -}
 *     only, so that no name or phone number fits
 * @param place a mobility trip's destination as a short code or name (병원, 구청), never an address; for other
 *     services the resident's dong, which may be left out
 */
public record DeliveryReport(
        @NotNull UUID lineId,
        @NotBlank @Size(max = 60) String providerId,
        @NotNull LocalDate serviceDate,
        @Nullable LocalTime startTime,
        @Nullable LocalTime endTime,
        @Nullable Integer units,

        @NotBlank
        @Pattern(regexp = WORKER_REF, message = "must be a staff code: 1 to 40 letters, digits, '.', '_' or '-'")
        String workerRef,

        @Nullable @Size(max = DeliveryRules.LONGEST_PLACE) String place,
        @NotNull DeliveryOutcome outcome) {

    static final String WORKER_REF = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
}
