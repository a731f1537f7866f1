package kr.dolbom.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL {@code text} can hold: any Unicode text but NUL, which it refuses with an error that would
 * surface as a 500 deep inside a transaction. An unpaired surrogate is not text either (it cannot be encoded
 * as UTF-8 and would be stored as '?'). Both are refused at the edge, naming the field.
 */
final class StorableText {

    private StorableText() {}

    /** Why the value cannot be stored, or null if it can. */
    static @Nullable String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character (U+0000), which text may not hold";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return "contains an unpaired surrogate, which is not text";
                }
            } else if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate, which is not text";
            }
        }
        return null;
    }
}
