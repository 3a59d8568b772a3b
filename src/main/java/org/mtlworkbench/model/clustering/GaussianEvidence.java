package org.mtlworkbench.model.clustering;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.mtlworkbench.model.FitFailedException;

/**
 * The exact log evidence of one task under a Gaussian prior A ~ N(m, Σ) with y = Hᵀ A + N(0, σ²), computed from
 * the sufficient statistics S = Σ h hᵀ, b = Σ h y, c = Σ y², n, and the posterior N(μ, C) of A.
 *
 * <p>With Σ = L Lᵀ and B = I + Lᵀ S L / σ² (every eigenvalue ≥ 1, so its Cholesky factor never fails),
 * |Σ| |Q| = |B| for the posterior precision Q = S/σ² + Σ⁻¹, and by the Woodbury identity
 * <pre>
 *   log P = −n/2 log 2πσ² − ½ log|B| − ½ (r/σ² − |L_B⁻¹ u|²/σ⁴),   r = c − 2bᵀm + mᵀSm,  u = Lᵀ(b − Sm)
 *   μ = m + L B⁻¹ u / σ²,   C = L B⁻¹ Lᵀ
 * </pre>
 * which equals ALGORITHMS.md §2.3 but never inverts Σ (it stays exact when Σ is near singular). One instance
 * per thread: it keeps its work arrays.
 */
final class GaussianEvidence {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int p;
    private final CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
    private final DMatrixRMaj b;
    private final double[] sl;
    private final double[] r0;
    private final double[] u;
    private final double[] x;

    GaussianEvidence(int p) {
        this.p = p;
        this.b = new DMatrixRMaj(p, p);
        this.sl = new double[p * p];
        this.r0 = new double[p];
        this.u = new double[p];
        this.x = new double[p * p];
    }

    /**
     * @param s        S (p × p row-major)
     * @param hy       b = Σ h y
     * @param yy       c = Σ y²
     * @param n        rows
     * @param noiseVar σ²
     * @param m        prior mean
     * @param lower    Cholesky factor L of Σ (p × p row-major, lower triangle; the rest is ignored)
     * @param muOut    receives μ (may be null)
     * @param covOut   receives C (p × p, may be null)
     * @return log P(D | m, Σ, σ²)
     */
    double evaluate(double[] s, double[] hy, double yy, int n, double noiseVar, double[] m, double[] lower,
                    double[] muOut, double[] covOut) {
        // r0 = b − S m, r = c − 2 bᵀm + mᵀ S m
        double r = yy;
        for (int i = 0; i < p; i++) {
            double sm = 0;
            for (int j = 0; j < p; j++) {
                sm += s[i * p + j] * m[j];
            }
            r0[i] = hy[i] - sm;
            r += -2 * hy[i] * m[i] + m[i] * sm;
        }
        // SL = S L (L lower)
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double acc = 0;
                for (int k = j; k < p; k++) {
                    acc += s[i * p + k] * lower[k * p + j];
                }
                sl[i * p + j] = acc;
            }
        }
        // B = I + Lᵀ S L / σ² (symmetric; fill both halves), u = Lᵀ r0
        double[] bd = b.data;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (int k = i; k < p; k++) {
                    acc += lower[k * p + i] * sl[k * p + j];
                }
                double v = acc / noiseVar + (i == j ? 1.0 : 0.0);
                bd[i * p + j] = v;
                bd[j * p + i] = v;
            }
            double acc = 0;
            for (int k = i; k < p; k++) {
                acc += lower[k * p + i] * r0[k];
            }
            u[i] = acc;
        }
        if (!chol.decompose(b)) {
            throw new FitFailedException("the per-task posterior precision is not positive definite "
                    + "(non-finite features or noise level σ² = " + noiseVar + ")");
        }
        double logDetB = 0;
        for (int i = 0; i < p; i++) {
            logDetB += Math.log(bd[i * p + i]);
        }
        logDetB *= 2;
        // v = L_B⁻¹ u (in place in u)
        forward(bd, u);
        double vv = 0;
        for (int i = 0; i < p; i++) {
            vv += u[i] * u[i];
        }
        double logP = -0.5 * n * (LOG_2PI + Math.log(noiseVar)) - 0.5 * logDetB
                - 0.5 * (r / noiseVar - vv / (noiseVar * noiseVar));
        if (muOut != null) {
            // B⁻¹ u = L_B⁻ᵀ v; μ = m + L (B⁻¹ u) / σ²
            backward(bd, u);
            for (int i = 0; i < p; i++) {
                double acc = 0;
                for (int k = 0; k <= i; k++) {
                    acc += lower[i * p + k] * u[k];
                }
                muOut[i] = m[i] + acc / noiseVar;
            }
        }
        if (covOut != null) {
            // X = L_B⁻¹ Lᵀ column by column, C = Xᵀ X
            double[] col = r0;
            for (int j = 0; j < p; j++) {
                // column j of Lᵀ is row j of L
                for (int i = 0; i < p; i++) {
                    col[i] = i <= j ? lower[j * p + i] : 0.0;
                }
                forward(bd, col);
                for (int i = 0; i < p; i++) {
                    x[i * p + j] = col[i];
                }
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j <= i; j++) {
                    double acc = 0;
                    for (int k = 0; k < p; k++) {
                        acc += x[k * p + i] * x[k * p + j];
                    }
                    covOut[i * p + j] = acc;
                    covOut[j * p + i] = acc;
                }
            }
        }
        return logP;
    }

    /** v ← L⁻¹ v for a lower-triangular L (p × p row-major). */
    private void forward(double[] l, double[] v) {
        for (int i = 0; i < p; i++) {
            double acc = v[i];
            for (int k = 0; k < i; k++) {
                acc -= l[i * p + k] * v[k];
            }
            v[i] = acc / l[i * p + i];
        }
    }

    /** v ← L⁻ᵀ v. */
    private void backward(double[] l, double[] v) {
        for (int i = p - 1; i >= 0; i--) {
            double acc = v[i];
            for (int k = i + 1; k < p; k++) {
                acc -= l[k * p + i] * v[k];
            }
            v[i] = acc / l[i * p + i];
        }
    }

    /**
     * The Cholesky factor of a covariance (p × p row-major) into {@code lowerOut} (upper triangle zeroed);
     * returns log|Σ| and writes tr(Σ⁻¹) into {@code traceInverse[0]} when that is non-null.
     */
    double factor(double[] cov, double[] lowerOut, double[] traceInverse) {
        System.arraycopy(cov, 0, b.data, 0, p * p);
        if (!chol.decompose(b)) {
            throw new FitFailedException("a prior covariance Σ_α is not positive definite");
        }
        double logDet = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                lowerOut[i * p + j] = j <= i ? b.data[i * p + j] : 0.0;
            }
            logDet += 2 * Math.log(b.data[i * p + i]);
        }
        if (traceInverse != null) {
            // tr(Σ⁻¹) = ‖L⁻¹‖²_F
            double t = 0;
            double[] col = r0;
            for (int j = 0; j < p; j++) {
                java.util.Arrays.fill(col, 0);
                col[j] = 1;
                forward(lowerOut, col);
                for (double v : col) {
                    t += v * v;
                }
            }
            traceInverse[0] = t;
        }
        return logDet;
    }
}
