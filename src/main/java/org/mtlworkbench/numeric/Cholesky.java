package org.mtlworkbench.numeric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;

/**
 * A Cholesky factor L (lower triangular, A + jitter·I = L Lᵀ) with the solves and the log-determinant built on it.
 * Made by {@link Linalg#cholesky(DMatrixRMaj)}.
 */
public final class Cholesky {

    private final DMatrixRMaj lower;
    private final double jitter;

    Cholesky(DMatrixRMaj lower, double jitter) {
        this.lower = lower;
        this.jitter = jitter;
    }

    public int size() {
        return lower.numRows;
    }

    /** What was added to the diagonal to make the factorisation succeed (0 when nothing was). */
    public double jitter() {
        return jitter;
    }

    /** A copy of L. */
    public DMatrixRMaj lower() {
        return lower.copy();
    }

    /** log det(A + jitter·I) = 2 Σ log L_ii. */
    public double logDet() {
        int n = lower.numRows;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(lower.data[i * n + i]);
        }
        return 2 * s;
    }

    /** L⁻¹ b (forward substitution). */
    public double[] solveLower(double[] b) {
        int n = lower.numRows;
        check(b.length);
        double[] l = lower.data;
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double s = x[i];
            int row = i * n;
            for (int k = 0; k < i; k++) {
                s -= l[row + k] * x[k];
            }
            x[i] = s / l[row + i];
        }
        return x;
    }

    /** L⁻ᵀ b (back substitution). */
    public double[] solveUpper(double[] b) {
        int n = lower.numRows;
        check(b.length);
        double[] l = lower.data;
        double[] x = b.clone();
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * x[k];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /** A⁻¹ b. */
    public double[] solve(double[] b) {
        return solveUpper(solveLower(b));
    }

    /** A⁻¹ B for a matrix B (column by column). */
    public DMatrixRMaj solve(DMatrixRMaj b) {
        check(b.numRows);
        DMatrixRMaj out = new DMatrixRMaj(b.numRows, b.numCols);
        double[] col = new double[b.numRows];
        for (int j = 0; j < b.numCols; j++) {
            for (int i = 0; i < b.numRows; i++) {
                col[i] = b.get(i, j);
            }
            double[] x = solve(col);
            for (int i = 0; i < b.numRows; i++) {
                out.set(i, j, x[i]);
            }
        }
        return out;
    }

    /** (A + jitter·I)⁻¹ = L⁻ᵀL⁻¹, symmetric. */
    public DMatrixRMaj inverse() {
        DMatrixRMaj li = lowerInverse();
        DMatrixRMaj inv = new DMatrixRMaj(li.numRows, li.numRows);
        CommonOps_DDRM.multTransA(li, li, inv);
        return inv;
    }

    /** The diagonal of (A + jitter·I)⁻¹: column sums of squares of L⁻¹ (cheaper than the whole inverse). */
    public double[] inverseDiagonal() {
        DMatrixRMaj li = lowerInverse();
        int n = li.numRows;
        double[] diag = new double[n];
        for (int k = 0; k < n; k++) {
            int row = k * n;
            for (int j = 0; j <= k; j++) {
                double v = li.data[row + j];
                diag[j] += v * v;
            }
        }
        return diag;
    }

    /** L⁻¹ (lower triangular). */
    private DMatrixRMaj lowerInverse() {
        DMatrixRMaj li = lower.copy();
        TriangularSolver_DDRM.invertLower(li.data, li.numRows);
        return li;
    }

    /** bᵀ A⁻¹ b = |L⁻¹ b|². */
    public double quadraticForm(double[] b) {
        double[] z = solveLower(b);
        double s = 0;
        for (double v : z) {
            s += v * v;
        }
        return s;
    }

    private void check(int len) {
        if (len != lower.numRows) {
            throw new IllegalArgumentException("right-hand side has " + len + " rows, the matrix " + lower.numRows);
        }
    }
}
