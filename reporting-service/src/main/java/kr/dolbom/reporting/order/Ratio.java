package kr.dolbom.reporting.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** A share as dashboards show it: exact decimal, four places, none when there is nothing to divide by. */
public final class Ratio {

    static final int SCALE = 4;

    private Ratio() {}

    /** {@code part / whole} rounded half up, or null when {@code whole} is zero. */
    public static @Nullable BigDecimal of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }
}
