package org.mtlworkbench.model.clustering;

import java.util.SplittableRandom;

/** k-means++ seeding and a few Lloyd steps, to start the mixture from the tasks' single-prior posterior means. */
final class KMeans {

    private KMeans() {
    }

    /** Hard labels (0..k−1) of the points; every label is used when there are at least k distinct points. */
    static int[] cluster(double[][] points, int k, SplittableRandom rng, int lloydSteps) {
        int n = points.length;
        int dim = points[0].length;
        double[][] centres = new double[k][];
        centres[0] = points[rng.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                d2[i] = Double.POSITIVE_INFINITY;
                for (int e = 0; e < c; e++) {
                    d2[i] = Math.min(d2[i], dist2(points[i], centres[e]));
                }
                total += d2[i];
            }
            int pick = rng.nextInt(n);
            if (total > 0) {
                double target = rng.nextDouble() * total;
                double acc = 0;
                for (int i = 0; i < n; i++) {
                    acc += d2[i];
                    if (acc >= target) {
                        pick = i;
                        break;
                    }
                }
            }
            centres[c] = points[pick].clone();
        }
        int[] label = new int[n];
        for (int step = 0; step <= lloydSteps; step++) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestD = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double d = dist2(points[i], centres[c]);
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
                label[i] = best;
            }
            double[][] sum = new double[k][dim];
            int[] count = new int[k];
            for (int i = 0; i < n; i++) {
                count[label[i]]++;
                for (int j = 0; j < dim; j++) {
                    sum[label[i]][j] += points[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    for (int j = 0; j < dim; j++) {
                        centres[c][j] = sum[c][j] / count[c];
                    }
                }
            }
        }
        return label;
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return s;
    }
}
