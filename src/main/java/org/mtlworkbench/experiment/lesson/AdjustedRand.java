package org.mtlworkbench.experiment.lesson;

import java.util.HashMap;
import java.util.Map;

/** The adjusted Rand index (Hubert &amp; Arabie 1985) of two labellings: 1 for the same partition, ~0 by chance. */
final class AdjustedRand {

    private AdjustedRand() {
    }

    static double of(int[] a, int[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("labellings of different length");
        }
        Map<Long, Integer> pairs = new HashMap<>();
        Map<Integer, Integer> rows = new HashMap<>();
        Map<Integer, Integer> cols = new HashMap<>();
        for (int i = 0; i < a.length; i++) {
            pairs.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
            rows.merge(a[i], 1, Integer::sum);
            cols.merge(b[i], 1, Integer::sum);
        }
        double index = pairs.values().stream().mapToDouble(AdjustedRand::choose2).sum();
        double sumA = rows.values().stream().mapToDouble(AdjustedRand::choose2).sum();
        double sumB = cols.values().stream().mapToDouble(AdjustedRand::choose2).sum();
        double expected = sumA * sumB / choose2(a.length);
        double max = (sumA + sumB) / 2;
        if (max == expected) {
            return 1; // both labellings are trivial (one cluster, or all singletons) and equal in structure
        }
        return (index - expected) / (max - expected);
    }

    private static double choose2(int n) {
        return n * (n - 1) / 2.0;
    }
}
