package kr.dolbom.reporting.order;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One dong's (동) month: lines requested by the orders placed in it, lines assigned in it, as the district's
 * month counts them.
 *
 * @param matchRate linesAssigned / linesRequested; null when no line was requested
 */
public record DongLines(
        String dong,
        long linesRequested,
        long linesAssigned,
        @Nullable BigDecimal matchRate) {

    public static DongLines of(String dong, long linesRequested, long linesAssigned) {
        return new DongLines(dong, linesRequested, linesAssigned, Ratio.of(linesAssigned, linesRequested));
    }
}
