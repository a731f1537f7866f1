package kr.dolbom.intake.resident;

import java.util.List;
import java.util.UUID;

/**
 * A care request names a known resident with details that differ from the record. It says which details
 * differ but not what the record holds: whoever knows a name, a birth date and a phone must not learn an
 * address by asking. The change is confirmed explicitly ({@code PUT /api/v1/residents/{ref}}), then the
 * request is sent again.
 */
public final class ResidentDetailsDiffer extends RuntimeException {

    private final UUID residentRef;
    private final int version;
    private final List<String> fields;

    ResidentDetailsDiffer(UUID residentRef, int version, List<String> fields) {
        super(
                "the request's " + String.join(", ", fields) + " differ from resident " + residentRef + ", version "
                        + version,
                null,
                false,
                false);
        this.residentRef = residentRef;
        this.version = version;
        this.fields = List.copyOf(fields);
    }

    public UUID residentRef() {
        return residentRef;
    }

    public int version() {
        return version;
    }

    /** The differing details by name: {@code address}, {@code dong}, {@code disabled}, {@code incomeTier}. */
    public List<String> fields() {
        return fields;
    }
}
