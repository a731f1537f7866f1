package kr.dolbom.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A provider delivered part of a line. Timed services carry start and end, unit services carry units.
 * The district and income tier travel along so that billing and reporting need no other stream to act on it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceDelivered(
        UUID deliveryId,
        UUID careOrderId,
        UUID lineId,
        ServiceType serviceType,
        String providerId,
        UUID residentRef,
        String district,
        IncomeTier incomeTier,
        LocalDate serviceDate,
        LocalTime startTime,
        LocalTime endTime,
        Integer units) implements CareEvent {
}
