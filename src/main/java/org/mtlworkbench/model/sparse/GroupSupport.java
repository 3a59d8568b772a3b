package org.mtlworkbench.model.sparse;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The support rule: which feature groups are "on". The precisions ⟨γ_i⟩ of switched-off groups sit far above
 * those of relevant ones on a log scale, so the groups are split into two clusters by an exact one-dimensional
 * two-means on log⟨γ_i⟩ (the split of the sorted values that minimises the within-cluster sum of squares; no
 * threshold to tune); the low-precision cluster is on. The rule presumes both clusters exist: read it together
 * with {@link #separation}, the ratio between the smallest "off" and the largest "on" precision — well above 1
 * (ALGORITHMS.md §8.5 expects ≥ 10) means a clear decision, near 1 only a ranking.
 */
final class GroupSupport {

    private GroupSupport() {
    }

    /** On (true) / off per group; with fewer than two groups every group is on. */
    static boolean[] split(double[] precision) {
        int q = precision.length;
        boolean[] on = new boolean[q];
        if (q < 2) {
            Arrays.fill(on, true);
            return on;
        }
        Integer[] order = new Integer[q];
        for (int i = 0; i < q; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> precision[i]));
        double[] x = new double[q];
        for (int i = 0; i < q; i++) {
            x[i] = Math.log(precision[order[i]]);
        }
        int best = 1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int k = 1; k < q; k++) {
            double cost = withinSquares(x, 0, k) + withinSquares(x, k, q);
            if (cost < bestCost) {
                bestCost = cost;
                best = k;
            }
        }
        for (int i = 0; i < best; i++) {
            on[order[i]] = true;
        }
        return on;
    }

    /** min over off groups / max over on groups of ⟨γ_i⟩; NaN when one side is empty. */
    static double separation(double[] precision, boolean[] on) {
        double maxOn = Double.NaN;
        double minOff = Double.NaN;
        for (int i = 0; i < precision.length; i++) {
            if (on[i]) {
                maxOn = Double.isNaN(maxOn) ? precision[i] : Math.max(maxOn, precision[i]);
            } else {
                minOff = Double.isNaN(minOff) ? precision[i] : Math.min(minOff, precision[i]);
            }
        }
        return minOff / maxOn;
    }

    private static double withinSquares(double[] x, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= to - from;
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += (x[i] - mean) * (x[i] - mean);
        }
        return ss;
    }
}
