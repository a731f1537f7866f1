package kr.dolbom.matching.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A provider's report of work done on one of its lines: a visit with its start and end, or a number of
 * units (meals, jobs) on a day.
 */
public record DeliveryReport(
        @NotNull UUID lineId,
        @NotBlank @Size(max = 60) String providerId,
        @NotNull LocalDate serviceDate,
        LocalTime startTime,
        LocalTime endTime,
        Integer units) {
}
