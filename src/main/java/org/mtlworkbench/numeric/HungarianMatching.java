package org.mtlworkbench.numeric;

import java.util.Arrays;

/**
 * Optimal assignment (Hungarian / Kuhn–Munkres with potentials, O(n²m)): matches every row of an n × m cost
 * matrix (n ≤ m) to a distinct column so that the summed cost is minimal. Used to keep cluster labels stable
 * between steps and runs (the label order of a mixture is arbitrary).
 */
public final class HungarianMatching {

    private HungarianMatching() {
    }

    /**
     * The column assigned to each row minimising Σ cost[i][col[i]]; rows ≤ columns, every value finite.
     *
     * @return col, with col[i] the column of row i (all distinct)
     */
    public static int[] minimize(double[][] cost) {
        int n = cost.length;
        if (n == 0) {
            return new int[0];
        }
        int m = cost[0].length;
        if (n > m) {
            throw new IllegalArgumentException("more rows (" + n + ") than columns (" + m + ")");
        }
        for (double[] row : cost) {
            if (row.length != m) {
                throw new IllegalArgumentException("ragged cost matrix");
            }
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("cost matrix has a non-finite entry: " + v);
                }
            }
        }
        // 1-based potentials u (rows), v (columns); p[j] = row matched to column j (0 = none).
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = -1;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] col = new int[n];
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                col[p[j] - 1] = j - 1;
            }
        }
        return col;
    }

    /** The assignment maximising Σ weight[i][col[i]] (e.g. the overlap between two soft clusterings). */
    public static int[] maximize(double[][] weight) {
        double[][] neg = new double[weight.length][];
        for (int i = 0; i < weight.length; i++) {
            neg[i] = new double[weight[i].length];
            for (int j = 0; j < weight[i].length; j++) {
                neg[i][j] = -weight[i][j];
            }
        }
        return minimize(neg);
    }
}
