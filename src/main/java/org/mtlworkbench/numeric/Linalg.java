package org.mtlworkbench.numeric;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Small dense linear algebra in double precision over EJML's {@link DMatrixRMaj}: Cholesky with jitter
 * escalation, symmetric eigen-decomposition, SPD solves and log-determinants, and a few matrix-vector helpers.
 */
public final class Linalg {

    /** First jitter tried, relative to the mean absolute diagonal. */
    static final double FIRST_RELATIVE_JITTER = 1e-12;
    /** Largest jitter tried, relative to the mean absolute diagonal, before giving up. */
    static final double LAST_RELATIVE_JITTER = 1e-4;

    private Linalg() {
    }

    /** A matrix from rows (all of the same length); {@code cols} is used when there are no rows. */
    public static DMatrixRMaj fromRows(double[][] rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows.length, cols);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, expected "
                        + cols);
            }
            System.arraycopy(rows[i], 0, m.data, i * cols, cols);
        }
        return m;
    }

    /** XᵀX. */
    public static DMatrixRMaj gram(DMatrixRMaj x) {
        DMatrixRMaj g = new DMatrixRMaj(x.numCols, x.numCols);
        CommonOps_DDRM.multInner(x, g);
        return g;
    }

    /** XXᵀ. */
    public static DMatrixRMaj outerGram(DMatrixRMaj x) {
        DMatrixRMaj g = new DMatrixRMaj(x.numRows, x.numRows);
        CommonOps_DDRM.multOuter(x, g);
        return g;
    }

    /** A x. */
    public static double[] mult(DMatrixRMaj a, double[] x) {
        if (x.length != a.numCols) {
            throw new IllegalArgumentException("vector length " + x.length + " for " + a.numCols + " columns");
        }
        double[] out = new double[a.numRows];
        double[] d = a.data;
        int c = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double s = 0;
            int row = i * c;
            for (int j = 0; j < c; j++) {
                s += d[row + j] * x[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Aᵀ x. */
    public static double[] multTrans(DMatrixRMaj a, double[] x) {
        if (x.length != a.numRows) {
            throw new IllegalArgumentException("vector length " + x.length + " for " + a.numRows + " rows");
        }
        double[] out = new double[a.numCols];
        double[] d = a.data;
        int c = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            int row = i * c;
            for (int j = 0; j < c; j++) {
                out[j] += d[row + j] * xi;
            }
        }
        return out;
    }

    public static double dot(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of length " + a.length + " and " + b.length);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Cholesky factor of a symmetric positive definite matrix. When the plain factorisation fails (a matrix that
     * is only semi-definite up to rounding), jitter is added to the diagonal, starting at 1e-12 times the mean
     * diagonal and growing tenfold up to 1e-4 times it; beyond that the matrix is declared not positive
     * definite. Only the lower triangle of {@code a} is read; {@code a} is not modified.
     *
     * @throws NotPositiveDefiniteException when no jitter in that range helps, or the matrix holds NaN or ±∞
     */
    public static Cholesky cholesky(DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("Cholesky needs a square matrix, got " + a.numRows + "×" + a.numCols);
        }
        int n = a.numRows;
        double diagScale = 0;
        for (int i = 0; i < n; i++) {
            double v = a.get(i, i);
            if (!Double.isFinite(v)) {
                throw new NotPositiveDefiniteException("matrix " + n + "×" + n + " has a non-finite diagonal entry "
                        + v + " at " + i);
            }
            diagScale += Math.abs(v);
        }
        for (double v : a.data) {
            if (!Double.isFinite(v)) {
                throw new NotPositiveDefiniteException("matrix " + n + "×" + n + " holds a non-finite value " + v);
            }
        }
        diagScale = n == 0 ? 1 : Math.max(diagScale / n, Double.MIN_NORMAL);
        double jitter = 0;
        double lastJitter = LAST_RELATIVE_JITTER * diagScale;
        while (true) {
            DMatrixRMaj l = tryCholesky(a, jitter);
            if (l != null) {
                return new Cholesky(l, jitter);
            }
            jitter = jitter == 0 ? FIRST_RELATIVE_JITTER * diagScale : jitter * 10;
            if (jitter > lastJitter * 1.0000001) {
                throw new NotPositiveDefiniteException("matrix " + n + "×" + n
                        + " is not positive definite, even with " + (jitter / 10) + " added to its diagonal"
                        + " (mean |diagonal| " + diagScale + ")");
            }
        }
    }

    /** The lower factor of a + jitter·I, or null when the factorisation breaks down. */
    private static DMatrixRMaj tryCholesky(DMatrixRMaj a, double jitter) {
        int n = a.numRows;
        DMatrixRMaj work = a.copy();
        // symmetrise from the lower triangle so that EJML and we read the same matrix
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                work.set(j, i, work.get(i, j));
            }
            work.add(i, i, jitter);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(work)) {
            return null;
        }
        DMatrixRMaj l = chol.getT(null);
        for (int i = 0; i < n; i++) {
            double d = l.get(i, i);
            if (!(d > 0) || !Double.isFinite(d)) {
                return null;
            }
            for (int j = i + 1; j < n; j++) {
                l.set(i, j, 0);
            }
        }
        return l;
    }

    /**
     * Eigen-decomposition of a symmetric matrix (the lower triangle is mirrored first), eigenvalues descending.
     *
     * @throws ArithmeticException when the QR iteration fails or the matrix holds NaN or ±∞
     */
    public static SymmetricEigen eigenSymmetric(DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("eigen-decomposition needs a square matrix");
        }
        int n = a.numRows;
        DMatrixRMaj work = a.copy();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = work.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new ArithmeticException("matrix holds a non-finite value " + v);
                }
                work.set(j, i, v);
            }
        }
        if (n == 0) {
            return new SymmetricEigen(new double[0], new DMatrixRMaj(0, 0));
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(work)) {
            throw new ArithmeticException("symmetric eigen-decomposition of a " + n + "×" + n + " matrix failed");
        }
        Integer[] order = new Integer[n];
        double[] vals = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            vals[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -vals[i]));
        double[] sorted = new double[n];
        DMatrixRMaj vecs = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            sorted[k] = vals[i];
            DMatrixRMaj v = eig.getEigenVector(i);
            for (int r = 0; r < n; r++) {
                vecs.set(r, k, v.get(r, 0));
            }
        }
        return new SymmetricEigen(sorted, vecs);
    }

    /** log det A of a symmetric positive definite matrix (with jitter if needed). */
    public static double logDetSpd(DMatrixRMaj a) {
        return cholesky(a).logDet();
    }

    /** A⁻¹ b for a symmetric positive definite A. */
    public static double[] solveSpd(DMatrixRMaj a, double[] b) {
        return cholesky(a).solve(b);
    }
}
