package org.mtlworkbench.export.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders the tasks of a similarity matrix by average-linkage (UPGMA) hierarchical clustering, so similar tasks sit
 * next to each other and blocks show in the heatmap. Works on the symmetrised matrix; distance = largest similarity −
 * similarity.
 */
public final class ClusterOrder {

    private ClusterOrder() {
    }

    /** A permutation of 0..n−1: the leaf order of the average-linkage dendrogram. Ties merge the lowest indices first. */
    public static int[] order(double[][] similarity) {
        int n = similarity.length;
        if (n <= 2) {
            int[] id = new int[n];
            for (int i = 0; i < n; i++) {
                id[i] = i;
            }
            return id;
        }
        double maxSim = Double.NEGATIVE_INFINITY;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = (value(similarity, i, j) + value(similarity, j, i)) / 2;
                s[i][j] = v;
                if (i != j) {
                    maxSim = Math.max(maxSim, v);
                }
            }
        }
        // clusters: member lists (kept in leaf order) and sizes; d holds average distances between live clusters
        List<List<Integer>> members = new ArrayList<>();
        double[][] d = new double[n][n];
        boolean[] alive = new boolean[n];
        for (int i = 0; i < n; i++) {
            members.add(new ArrayList<>(List.of(i)));
            alive[i] = true;
            for (int j = 0; j < n; j++) {
                d[i][j] = maxSim - s[i][j];
            }
        }
        for (int merges = 0; merges < n - 1; merges++) {
            int bi = -1;
            int bj = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!alive[i]) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (alive[j] && d[i][j] < best) {
                        best = d[i][j];
                        bi = i;
                        bj = j;
                    }
                }
            }
            int si = members.get(bi).size();
            int sj = members.get(bj).size();
            for (int k = 0; k < n; k++) {
                if (alive[k] && k != bi && k != bj) {
                    double avg = (d[bi][k] * si + d[bj][k] * sj) / (si + sj);
                    d[bi][k] = avg;
                    d[k][bi] = avg;
                }
            }
            members.get(bi).addAll(members.get(bj));
            alive[bj] = false;
        }
        for (int i = 0; i < n; i++) {
            if (alive[i]) {
                return members.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        throw new IllegalStateException("no cluster left");
    }

    private static double value(double[][] m, int i, int j) {
        double v = m[i][j];
        return Double.isFinite(v) ? v : 0;
    }

    /** {@code labels} in the given order. */
    static <T> List<T> permute(List<T> labels, int[] order) {
        List<T> out = new ArrayList<>();
        for (int k : order) {
            out.add(labels.get(k));
        }
        return out;
    }

    /** Rows and columns of a square matrix in the given order. */
    static double[][] permute(double[][] m, int[] order) {
        double[][] out = new double[order.length][order.length];
        for (int i = 0; i < order.length; i++) {
            for (int j = 0; j < order.length; j++) {
                out[i][j] = m[order[i]][order[j]];
            }
        }
        return out;
    }
}
