package kr.dolbom.intake.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kr.dolbom.platform.security.Caller;
import kr.dolbom.platform.security.CareRole;

/**
 * One read of a resident's personal data: which fields, by whom in which role, for what, when.
 *
 * @param district the resident's district, whose privacy officer answers for the read
 */
public record PersonalDataRead(
        Instant at,
        UUID residentRef,
        String district,
        String caller,
        CareRole role,
        List<String> fields,
        String purpose) {

    /** A read by {@code caller} now: who and in which role come from the caller, never from the request. */
    public static PersonalDataRead by(
            Caller caller, Instant at, UUID residentRef, String district, List<String> fields, String purpose) {
        return new PersonalDataRead(at, residentRef, district, caller.subject(), caller.role(), fields, purpose);
    }

    public PersonalDataRead {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a read names the fields it read");
        }
    }
}
