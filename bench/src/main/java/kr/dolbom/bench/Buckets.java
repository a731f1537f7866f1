package kr.dolbom.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * Percentiles from the difference of two snapshots of a cumulative histogram ({@code _bucket{le=…}}): the
 * distribution of what happened between them, interpolated within a bucket as Prometheus does.
 */
final class Buckets {

    private Buckets() {}

    /** Seconds at the quantile, or infinity if it lies beyond the last finite bucket; NaN without samples. */
    static double quantile(Map<String, Double> before, Map<String, Double> after, double q) {
        TreeMap<Double, Double> counts = new TreeMap<>();
        after.forEach((le, count) -> counts.put(bound(le), count - before.getOrDefault(le, 0.0)));
        double total = counts.lastEntry() == null ? 0 : counts.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : counts.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return Double.POSITIVE_INFINITY;
                }
                double inBucket = bucket.getValue() - lowerCount;
                double fraction = inBucket == 0 ? 0 : (rank - lowerCount) / inBucket;
                return lowerBound + (bucket.getKey() - lowerBound) * fraction;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return Double.POSITIVE_INFINITY;
    }

    static long count(Map<String, Double> before, Map<String, Double> after) {
        return Math.round(after.getOrDefault("+Inf", 0.0) - before.getOrDefault("+Inf", 0.0));
    }

    private static double bound(String le) {
        return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }
}
