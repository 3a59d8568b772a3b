package org.mtlworkbench.model.coalescent;

import org.mtlworkbench.model.FitFailedException;

/**
 * Small dense linear algebra on {@code double[][]} for the d × d matrices of this family (d = inputs, at most a few
 * dozen), where a plain Cholesky beats the overhead of a library call. Package-private.
 */
final class Dense {

    private Dense() {
    }

    /** Lower Cholesky factor of a symmetric positive-definite matrix; adds growing jitter when it is not. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        double jitter = 0;
        for (int attempt = 0; attempt < 12; attempt++) {
            double[][] l = tryCholesky(a, jitter);
            if (l != null) {
                return l;
            }
            jitter = jitter == 0 ? 1e-12 * Math.max(scale, 1e-300) : jitter * 10;
        }
        throw new FitFailedException("matrix is not positive definite even with jitter");
    }

    private static double[][] tryCholesky(double[][] a, double jitter) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double sum = a[j][j] + jitter;
            for (int k = 0; k < j; k++) {
                sum -= l[j][k] * l[j][k];
            }
            if (!(sum > 0) || Double.isInfinite(sum)) {
                return null;
            }
            double ljj = Math.sqrt(sum);
            l[j][j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / ljj;
            }
        }
        return l;
    }

    /** Solves L z = b (forward substitution): with A = L Lᵀ, ‖z‖² = bᵀA⁻¹b. */
    static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        return z;
    }

    /** Solves Lᵀ x = z (back substitution). */
    static double[] backward(double[][] l, double[] z) {
        int n = z.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    /** Solves A x = b given the Cholesky factor of A. */
    static double[] solve(double[][] l, double[] b) {
        return backward(l, forward(l, b));
    }

    /** A⁻¹ from the Cholesky factor of A. */
    static double[][] inverse(double[][] l) {
        int n = l.length;
        double[][] inv = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            inv[j] = solve(l, e);
        }
        return symmetrize(inv);
    }

    /** log |A| from the Cholesky factor of A. */
    static double logDet(double[][] l) {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += Math.log(l[i][i]);
        }
        return 2 * s;
    }

    /** tr(A⁻¹ B) given the Cholesky factor of A. */
    static double traceSolve(double[][] l, double[][] b) {
        double t = 0;
        int n = b.length;
        for (int j = 0; j < n; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = b[i][j];
            }
            t += solve(l, col)[j];
        }
        return t;
    }

    static double[][] symmetrize(double[][] a) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = m;
                a[j][i] = m;
            }
        }
        return a;
    }

    static double[][] identity(int n, double diag) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = diag;
        }
        return a;
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] multiply(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = dot(a[i], x);
        }
        return y;
    }

    /** xᵀ A x. */
    static double quadratic(double[][] a, double[] x) {
        return dot(x, multiply(a, x));
    }

    /** a += w · x xᵀ. */
    static void addOuter(double[][] a, double[] x, double w) {
        for (int i = 0; i < x.length; i++) {
            double wi = w * x[i];
            for (int j = 0; j < x.length; j++) {
                a[i][j] += wi * x[j];
            }
        }
    }

    /** a += w · b. */
    static void addScaled(double[][] a, double[][] b, double w) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] += w * b[i][j];
            }
        }
    }

    /** tr(A B) for symmetric B (elementwise sum). */
    static double traceProduct(double[][] a, double[][] b) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                t += a[i][j] * b[j][i];
            }
        }
        return t;
    }

    /** A B. */
    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                double aik = a[i][k];
                if (aik != 0) {
                    for (int j = 0; j < m; j++) {
                        c[i][j] += aik * b[k][j];
                    }
                }
            }
        }
        return c;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** A⁻¹ B given the Cholesky factor of A, column by column. */
    static double[][] solve(double[][] l, double[][] b) {
        int n = b.length;
        int m = b[0].length;
        double[][] x = new double[n][m];
        double[] col = new double[n];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                col[i] = b[i][j];
            }
            double[] s = solve(l, col);
            for (int i = 0; i < n; i++) {
                x[i][j] = s[i];
            }
        }
        return x;
    }
}
