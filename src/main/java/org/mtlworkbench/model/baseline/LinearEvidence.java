package org.mtlworkbench.model.baseline;

import org.ejml.data.DMatrixRMaj;
import org.mtlworkbench.numeric.Linalg;
import org.mtlworkbench.numeric.SymmetricEigen;

/**
 * Bayesian linear regression without intercept, y = Xw + ε, w ~ N(0, α⁻¹I), ε ~ N(0, β⁻¹I), prepared once for
 * many (α, β): the eigen-decomposition of XᵀX (primal, n ≥ d) or of XXᵀ (dual, d > n) gives the non-zero
 * eigenvalues λᵢ, the matching eigenvectors vᵢ of XᵀX (d×r) and the coordinates cᵢ = uᵢᵀy of y on the left
 * singular vectors. Every quantity at (α, β) is then a sum over the r = rank(X) ≤ min(n, d) terms.
 *
 * <p>{@code effectiveRows} is the N of the evidence: n for raw data, n − 1 for data centred to remove a flat-prior
 * intercept (see {@link CenteredLinearTask}).
 */
public final class LinearEvidence {

    /** Eigenvalues below this fraction of the largest are treated as zero (rank deficiency). */
    static final double RANK_TOLERANCE = 1e-12;

    private final int effectiveRows;
    private final int features;
    private final double[] lambda;
    private final DMatrixRMaj vectors;
    private final double[] coords;
    private final double leastSquaresResidual;
    private final double ySq;
    private final Form form;

    private LinearEvidence(int effectiveRows, int features, double[] lambda, DMatrixRMaj vectors, double[] coords,
                           double leastSquaresResidual, double ySq, Form form) {
        this.effectiveRows = effectiveRows;
        this.features = features;
        this.lambda = lambda;
        this.vectors = vectors;
        this.coords = coords;
        this.leastSquaresResidual = leastSquaresResidual;
        this.ySq = ySq;
        this.form = form;
    }

    /**
     * Prepares the evidence for rows {@code x} (n×d) and targets {@code y}.
     *
     * @param effectiveRows N in the evidence (n, or n − 1 after centring)
     * @param form          PRIMAL, DUAL or AUTO (the smaller of d×d and n×n)
     */
    public static LinearEvidence of(double[][] x, double[] y, int d, int effectiveRows, Form form) {
        int n = y.length;
        if (x.length != n) {
            throw new IllegalArgumentException(x.length + " rows but " + n + " targets");
        }
        DMatrixRMaj xm = Linalg.fromRows(x, d);
        Form f = form.resolve(n, d);
        double ySq = Linalg.dot(y, y);
        if (f == Form.PRIMAL) {
            SymmetricEigen eig = Linalg.eigenSymmetric(Linalg.gram(xm));
            int r = rank(eig.values());
            double[] xty = Linalg.multTrans(xm, y);
            double[] lam = new double[r];
            double[] c = new double[r];
            DMatrixRMaj v = new DMatrixRMaj(d, r);
            for (int i = 0; i < r; i++) {
                lam[i] = eig.values()[i];
                double z = 0;
                for (int j = 0; j < d; j++) {
                    double vj = eig.vectors().get(j, i);
                    v.set(j, i, vj);
                    z += vj * xty[j];
                }
                c[i] = z / Math.sqrt(lam[i]);
            }
            return new LinearEvidence(effectiveRows, d, lam, v, c, residual(ySq, c), ySq, f);
        }
        SymmetricEigen eig = Linalg.eigenSymmetric(Linalg.outerGram(xm));
        int r = rank(eig.values());
        double[] lam = new double[r];
        double[] c = new double[r];
        DMatrixRMaj v = new DMatrixRMaj(d, r);
        for (int i = 0; i < r; i++) {
            lam[i] = eig.values()[i];
            double[] u = eig.vector(i);
            c[i] = Linalg.dot(u, y);
            // vᵢ = Xᵀuᵢ / √λᵢ: the eigenvector of XᵀX that belongs to the same λᵢ
            double[] vi = Linalg.multTrans(xm, u);
            double s = 1 / Math.sqrt(lam[i]);
            for (int j = 0; j < d; j++) {
                v.set(j, i, vi[j] * s);
            }
        }
        return new LinearEvidence(effectiveRows, d, lam, v, c, residual(ySq, c), ySq, f);
    }

    private static int rank(double[] descending) {
        if (descending.length == 0 || !(descending[0] > 0)) {
            return 0;
        }
        double cut = descending[0] * RANK_TOLERANCE;
        int r = 0;
        while (r < descending.length && descending[r] > cut) {
            r++;
        }
        return r;
    }

    private static double residual(double ySq, double[] c) {
        double s = ySq;
        for (double ci : c) {
            s -= ci * ci;
        }
        // the part of y outside the column space of X; rounding may push it a hair below zero
        return Math.max(s, 0);
    }

    /** The posterior and the evidence at (α, β). */
    public LinearPosterior at(double alpha, double beta) {
        int r = lambda.length;
        double gamma = 0;
        double logDetA = (features - r) * Math.log(alpha);
        double weightSq = 0;
        double residualSq = leastSquaresResidual;
        double[] coef = new double[r];
        for (int i = 0; i < r; i++) {
            double a = alpha + beta * lambda[i];
            gamma += beta * lambda[i] / a;
            logDetA += Math.log(a);
            coef[i] = beta * Math.sqrt(lambda[i]) * coords[i] / a;
            weightSq += coef[i] * coef[i];
            double shrink = alpha / a * coords[i];
            residualSq += shrink * shrink;
        }
        double[] mean = new double[features];
        for (int j = 0; j < features; j++) {
            double s = 0;
            int row = j * r;
            for (int i = 0; i < r; i++) {
                s += vectors.data[row + i] * coef[i];
            }
            mean[j] = s;
        }
        int n = effectiveRows;
        double logEvidence = 0.5 * features * Math.log(alpha) + 0.5 * n * Math.log(beta)
                - 0.5 * beta * residualSq - 0.5 * alpha * weightSq - 0.5 * logDetA
                - 0.5 * n * Math.log(2 * Math.PI);
        return new LinearPosterior(this, alpha, beta, mean, gamma, weightSq, residualSq, logEvidence);
    }

    /** xᵀA⁻¹x with A = αI + βXᵀX: the variance of wᵀx under the posterior. */
    double weightVariance(double alpha, double beta, double[] x) {
        int r = lambda.length;
        double xSq = Linalg.dot(x, x);
        double inSpan = 0;
        double total = 0;
        for (int i = 0; i < r; i++) {
            double p = 0;
            for (int j = 0; j < features; j++) {
                p += vectors.data[j * r + i] * x[j];
            }
            inSpan += p * p;
            total += p * p / (alpha + beta * lambda[i]);
        }
        return total + Math.max(xSq - inSpan, 0) / alpha;
    }

    /** A⁻¹ = Σ vᵢvᵢᵀ/(α+βλᵢ) + (I − VVᵀ)/α, d×d (for tests and small problems). */
    DMatrixRMaj covariance(double alpha, double beta) {
        int r = lambda.length;
        DMatrixRMaj cov = new DMatrixRMaj(features, features);
        for (int j = 0; j < features; j++) {
            cov.set(j, j, 1 / alpha);
        }
        for (int i = 0; i < r; i++) {
            double w = 1 / (alpha + beta * lambda[i]) - 1 / alpha;
            for (int j = 0; j < features; j++) {
                double vj = vectors.get(j, i);
                for (int k = 0; k < features; k++) {
                    cov.add(j, k, w * vj * vectors.get(k, i));
                }
            }
        }
        return cov;
    }

    /** N in the evidence. */
    public int effectiveRows() {
        return effectiveRows;
    }

    public int features() {
        return features;
    }

    /** The form the decomposition was made in. */
    public Form form() {
        return form;
    }

    /** |y|², e.g. for a starting noise level. */
    public double targetSumOfSquares() {
        return ySq;
    }
}
