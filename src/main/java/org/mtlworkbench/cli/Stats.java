package org.mtlworkbench.cli;

import java.util.List;
import java.util.Locale;

/** Mean and sample standard deviation for the comparison table. */
final class Stats {

    private Stats() {
    }

    static String meanSd(List<Double> v) {
        if (v.isEmpty()) {
            return "-";
        }
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = v.size() > 1 ? Math.sqrt(ss / (v.size() - 1)) : 0;
        return String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd);
    }
}
