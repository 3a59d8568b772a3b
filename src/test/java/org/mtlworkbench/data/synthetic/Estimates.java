package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small, independent estimators the scenario tests use to look for the planted structure in the data. */
final class Estimates {

    private Estimates() {
    }

    /** Ordinary least squares without intercept, through the normal equations. */
    static double[] leastSquares(double[][] x, double[] y) {
        int d = x[0].length;
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                b[j] += x[i][j] * y[i];
                for (int k = 0; k < d; k++) {
                    a[j][k] += x[i][j] * x[i][k];
                }
            }
        }
        return solve(a, b);
    }

    /** Least squares on the first {@code rows} rows only. */
    static double[] leastSquares(double[][] x, double[] y, int rows) {
        return leastSquares(Arrays.copyOf(x, rows), Arrays.copyOf(y, rows));
    }

    /** Logistic regression with intercept (last entry), Newton–Raphson with a tiny ridge for stability. */
    static double[] logistic(double[][] x, double[] y) {
        int d = x[0].length + 1;
        double[] w = new double[d];
        for (int iter = 0; iter < 50; iter++) {
            double[][] h = new double[d][d];
            double[] g = new double[d];
            for (int i = 0; i < x.length; i++) {
                double[] z = withOne(x[i]);
                double p = 1 / (1 + Math.exp(-dot(w, z)));
                for (int j = 0; j < d; j++) {
                    g[j] += (y[i] - p) * z[j];
                    for (int k = 0; k < d; k++) {
                        h[j][k] += p * (1 - p) * z[j] * z[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                g[j] -= 1e-3 * w[j];
                h[j][j] += 1e-3;
            }
            double[] step = solve(h, g);
            double size = 0;
            for (int j = 0; j < d; j++) {
                w[j] += step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size < 1e-10) {
                break;
            }
        }
        return w;
    }

    private static double[] withOne(double[] x) {
        double[] z = Arrays.copyOf(x, x.length + 1);
        z[x.length] = 1;
        return z;
    }

    /** Gaussian elimination with partial pivoting (copies its inputs). */
    static double[] solve(double[][] a0, double[] b0) {
        int n = b0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        double[] b = b0.clone();
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] tr = a[c];
            a[c] = a[p];
            a[p] = tr;
            double tb = b[c];
            b[c] = b[p];
            b[p] = tb;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k < n; k++) {
                    a[r][k] -= f * a[c][k];
                }
                b[r] -= f * b[c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = b[r];
            for (int k = r + 1; k < n; k++) {
                s -= a[r][k] * x[k];
            }
            x[r] = s / a[r][r];
        }
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(s);
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** k-means (Lloyd) with farthest-first initialisation from point 0: deterministic. Returns labels. */
    static int[] kMeans(double[][] points, int k) {
        List<double[]> centres = new ArrayList<>();
        centres.add(points[0].clone());
        while (centres.size() < k) {
            int far = 0;
            double farDistance = -1;
            for (int i = 0; i < points.length; i++) {
                double dmin = Double.POSITIVE_INFINITY;
                for (double[] c : centres) {
                    dmin = Math.min(dmin, distance(points[i], c));
                }
                if (dmin > farDistance) {
                    farDistance = dmin;
                    far = i;
                }
            }
            centres.add(points[far].clone());
        }
        int[] label = new int[points.length];
        for (int iter = 0; iter < 100; iter++) {
            boolean changed = false;
            for (int i = 0; i < points.length; i++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (distance(points[i], centres.get(c)) < distance(points[i], centres.get(best))) {
                        best = c;
                    }
                }
                changed |= best != label[i];
                label[i] = best;
            }
            for (int c = 0; c < k; c++) {
                double[] sum = new double[points[0].length];
                int n = 0;
                for (int i = 0; i < points.length; i++) {
                    if (label[i] == c) {
                        n++;
                        for (int j = 0; j < sum.length; j++) {
                            sum[j] += points[i][j];
                        }
                    }
                }
                if (n > 0) {
                    for (int j = 0; j < sum.length; j++) {
                        sum[j] /= n;
                    }
                    centres.set(c, sum);
                }
            }
            if (!changed && iter > 0) {
                break;
            }
        }
        return label;
    }

    /** Whether two labelings define the same partition (equal up to renaming the labels). */
    static boolean samePartition(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if ((a[i] == a[j]) != (b[i] == b[j])) {
                    return false;
                }
            }
        }
        return true;
    }
}
