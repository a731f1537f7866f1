package kr.dolbom.intake.resident;

import java.time.LocalDate;
import kr.dolbom.events.IncomeTier;

/**
 * A resident's personal data (개인정보), kept by intake alone: it reaches no event, no other service and
 * no log. Other services know the resident by the id of this record only.
 *
 * @param attestedNeed a care manager attests that the resident has no other source of care (needed at 50–64)
 */
public record Resident(
        String name,
        LocalDate birthDate,
        String phone,
        String address,
        String dong,
        boolean disabled,
        boolean attestedNeed,
        IncomeTier incomeTier) {

    public ResidentDetails details() {
        return new ResidentDetails(address, dong, disabled, incomeTier);
    }

    @Override
    public String toString() {
        return "Resident[personal data withheld]";
    }
}
