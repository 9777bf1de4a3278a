package org.lmssync.bench;

import java.util.Arrays;
import java.util.List;

/** Medians of repeated measurements. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** "median (min–max, n runs)" for the detail column. */
    static String spread(List<Double> values, String format) {
        if (values.size() < 2) {
            return "1 run";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(format + "–" + format + " over %d runs", min, max, values.size());
    }
}
