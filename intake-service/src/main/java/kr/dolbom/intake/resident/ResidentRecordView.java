package kr.dolbom.intake.resident;

import java.time.LocalDate;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;

/** A resident's whole record, to a care manager. */
record ResidentRecordView(
        UUID residentRef,
        int version,
        String name,
        LocalDate birthDate,
        String phone,
        String address,
        String dong,
        boolean disabled,
        IncomeTier incomeTier,
        boolean contactConsent) {

    static ResidentRecordView of(PersonalData data) {
        return new ResidentRecordView(
                data.ref(),
                data.version(),
                data.name(),
                data.birthDate(),
                data.phone(),
                data.address(),
                data.dong(),
                data.disabled(),
                data.incomeTier(),
                data.contactConsent());
    }
}
