package kr.dolbom.intake.resident;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;

/** The whole record of a person, as intake keeps it: only a care manager of the resident's dong reads all of it. */
public record PersonalData(
        UUID ref,
        int version,
        String name,
        LocalDate birthDate,
        String phone,
        String address,
        String dong,
        boolean disabled,
        IncomeTier incomeTier,
        boolean contactConsent) {

    @Override
    public String toString() {
        return "PersonalData[" + ref + ", personal data withheld]";
    }
}
