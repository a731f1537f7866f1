package kr.dolbom.matching.delivery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A provider's report of work done on one of its lines: a visit with its start and end, or a number of
 * units (meals, jobs) on a day. Which of them a report must carry depends on the line, so they are checked
 * by {@link DeliveryRules}, not here.
 */
public record DeliveryReport(
        @NotNull UUID lineId,
        @NotBlank @Size(max = 60) String providerId,
        @NotNull LocalDate serviceDate,
        @Nullable LocalTime startTime,
        @Nullable LocalTime endTime,
        @Nullable Integer units) {}
