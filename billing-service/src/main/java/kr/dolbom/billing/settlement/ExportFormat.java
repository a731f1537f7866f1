package kr.dolbom.billing.settlement;

import java.util.Arrays;
import java.util.Locale;
import kr.dolbom.platform.domain.RuleViolation;

/** The two files an export comes as, named by the extension of the address ({@code statement.xlsx}). */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** @throws RuleViolation invalid, naming {@code format}, for any other extension */
    public static ExportFormat of(String extension) {
        return Arrays.stream(values())
                .filter(format -> format.extension().equals(extension))
                .findFirst()
                .orElseThrow(() -> RuleViolation.invalid("format", "must be csv or xlsx"));
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
