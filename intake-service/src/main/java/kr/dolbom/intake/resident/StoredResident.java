package kr.dolbom.intake.resident;

import java.util.List;
import java.util.UUID;

/** The resident's record as it stands: its pseudonymous ref, its current version and its details. */
public record StoredResident(UUID ref, int version, ResidentDetails details) {

    /**
     * The ref under which a request for this resident is taken. A request is not the place to change what the
     * care manager confirmed: details that differ from the record are refused, never written over it.
     */
    public UUID refForRequest(ResidentDetails requested) {
        List<String> differing = requested.differingFrom(details);
        if (!differing.isEmpty()) {
            throw new ResidentDetailsDiffer(ref, version, differing);
        }
        return ref;
    }

    @Override
    public String toString() {
        return "StoredResident[" + ref + ", version " + version + "]";
    }
}
