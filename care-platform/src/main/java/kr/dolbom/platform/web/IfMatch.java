package kr.dolbom.platform.web;

import kr.dolbom.platform.domain.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** The version a change is based on, from {@code If-Match}: the records' ETags are their version numbers. */
public final class IfMatch {

    private IfMatch() {}

    /** {@code "3"}, {@code W/"3"} or {@code 3}; {@code *} (or no header) matches any version, and gives null. */
    public static @Nullable Integer version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            int version = Integer.parseInt(tag);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, with the field named
        }
        throw RuleViolation.invalid(HttpHeaders.IF_MATCH, "must be a version the record's ETag gave, like \"2\"");
    }
}
