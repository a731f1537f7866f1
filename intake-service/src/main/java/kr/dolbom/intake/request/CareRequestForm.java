package kr.dolbom.intake.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import kr.dolbom.events.CareSos;
import kr.dolbom.events.IncomeTier;
import kr.dolbom.events.RequestChannel;
import kr.dolbom.events.ServiceType;
import kr.dolbom.intake.order.ServiceLine;
import kr.dolbom.platform.domain.RuleViolation.Violation;
import org.jspecify.annotations.Nullable;

/**
 * A request for care as a dong centre, the phone line or a referring agency submits it. Field rules that
 * need no other field are annotations; the rest are in {@link #crossFieldErrors()}.
 */
public record CareRequestForm(
        @NotNull @Valid ResidentForm resident,
        @NotBlank @Size(max = 40) String district,
        @NotNull RequestChannel channel,
        @Size(max = 100) @Nullable String referrer,
        @Nullable Boolean urgent,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid ServiceForm> services) {

    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    static final int LONGEST_PLAN_DAYS = 366;

    public boolean isUrgent() {
        return Boolean.TRUE.equals(urgent);
    }

    /**
     * @param attestedNeed   a care manager attests that the resident has no other source of care; it is what
     *                       makes a person aged 50–64 eligible
     * @param contactConsent the resident agrees that the provider visiting them may see their name, phone and
     *                       address (개인정보 제3자 제공 동의); absent leaves what the record says (no, at first)
     */
    public record ResidentForm(
            @NotBlank @Size(max = 50) String name,
            @NotNull @Past LocalDate birthDate,

            @NotBlank
            @Pattern(
                    regexp = "0\\d{1,2}-?\\d{3,4}-?\\d{4}",
                    message = "must be a Korean phone number like 010-1234-5678")
            String phone,

            @NotBlank @Size(max = 200) String address,
            @NotBlank @Size(max = 40) String dong,
            @NotNull Boolean disabled,
            @Nullable Boolean attestedNeed,
            @NotNull IncomeTier incomeTier,
            @Nullable Boolean contactConsent) {}

    /**
     * @param quantity        visits for timed services (in-home care, mobility), units otherwise (meals, jobs)
     * @param minutesPerVisit planned length of each visit, for timed services only; at least 30 minutes
     */
    public record ServiceForm(
            @NotNull ServiceType type,
            @NotNull @Min(1) @Max(CareSos.MOST_PER_LINE) Integer quantity,

            @Min(
                    value = CareSos.SHORTEST_VISIT_MINUTES,
                    message = "must be at least " + CareSos.SHORTEST_VISIT_MINUTES + " minutes: the shortest visit")
            @Max(
                    value = CareSos.LONGEST_VISIT_MINUTES,
                    message = "must be at most " + CareSos.LONGEST_VISIT_MINUTES + " minutes (12 hours) per visit")
            @Nullable
            Integer minutesPerVisit,

            @NotNull LocalDate from,
            @NotNull LocalDate to) {

        /** The one place where a requested service becomes a line of the order. */
        ServiceLine toLine() {
            return ServiceLine.requested(type, quantity, minutesPerVisit, from, to);
        }
    }

    List<Violation> crossFieldErrors() {
        List<Violation> errors = new ArrayList<>();
        if (resident.birthDate().isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(new Violation("resident.birthDate", "must not be before " + EARLIEST_BIRTH_DATE));
        }
        for (int i = 0; i < services.size(); i++) {
            ServiceForm service = services.get(i);
            String path = "services[" + i + "].";
            if (service.type().isTimed() && service.minutesPerVisit() == null) {
                errors.add(new Violation(path + "minutesPerVisit", "is required for " + service.type()));
            }
            if (!service.type().isTimed() && service.minutesPerVisit() != null) {
                errors.add(
                        new Violation(path + "minutesPerVisit", service.type() + " is counted in units, not minutes"));
            }
            if (service.to().isBefore(service.from())) {
                errors.add(new Violation(path + "to", "must not be before from (" + service.from() + ")"));
            } else if (ChronoUnit.DAYS.between(service.from(), service.to()) >= LONGEST_PLAN_DAYS) {
                errors.add(new Violation(path + "to", "a care plan covers at most " + LONGEST_PLAN_DAYS + " days"));
            }
        }
        return errors;
    }
}
