package kr.dolbom.intake.resident;

import java.util.List;
import java.util.UUID;
import kr.dolbom.events.IncomeTier;

/** The record after a change, to the care manager who made it; {@code changed} is empty when nothing was. */
record ResidentView(
        UUID residentRef,
        int version,
        String address,
        String dong,
        boolean disabled,
        IncomeTier incomeTier,
        List<String> changed) {

    static ResidentView of(ResidentChange.Changed changed) {
        StoredResident resident = changed.resident();
        ResidentDetails details = resident.details();
        return new ResidentView(
                resident.ref(),
                resident.version(),
                details.address(),
                details.dong(),
                details.disabled(),
                details.incomeTier(),
                changed.fields());
    }
}
