package org.mtlworkbench.model.baseline;

import org.ejml.data.DMatrixRMaj;
import org.mtlworkbench.numeric.Cholesky;
import org.mtlworkbench.numeric.LogSumExp;

/**
 * The Laplace approximation N(m, H⁻¹) of a {@link LaplaceLogistic} posterior at one α: the MAP, the Laplace log
 * evidence, MacKay's γ = d − α·tr_w(H⁻¹) (over the weights, not the intercept), and the moderated predictive
 * probability σ(κ(s²)μ), κ = (1 + πs²/8)^−½, with μ = mᵀx̃ and s² = x̃ᵀH⁻¹x̃.
 */
public final class LaplacePosterior {

    private final LaplaceLogistic problem;
    private final double alpha;
    private final double[] m;
    private final double logEvidence;
    private final double gamma;
    private final int newtonIterations;
    // primal
    private final Cholesky hessian;
    // dual
    private final double[] a;
    private final double[] sw;
    private final Cholesky bChol;

    private LaplacePosterior(LaplaceLogistic problem, double alpha, double[] m, double logEvidence, double gamma,
                             int newtonIterations, Cholesky hessian, double[] a,
                             double[] sw, Cholesky bChol) {
        this.problem = problem;
        this.alpha = alpha;
        this.m = m;
        this.logEvidence = logEvidence;
        this.gamma = gamma;
        this.newtonIterations = newtonIterations;
        this.hessian = hessian;
        this.a = a;
        this.sw = sw;
        this.bChol = bChol;
    }

    static LaplacePosterior primal(LaplaceLogistic p, double alpha, double[] m, double logEvidence, double gamma,
                                   Cholesky h, int iterations) {
        return new LaplacePosterior(p, alpha, m, logEvidence, gamma, iterations, h, null, null, null);
    }

    static LaplacePosterior dual(LaplaceLogistic p, double alpha, double[] m, double logEvidence, double gamma,
                                 double[] a, double[] sw, Cholesky b, int iterations) {
        return new LaplacePosterior(p, alpha, m, logEvidence, gamma, iterations, null, a, sw, b);
    }

    public double alpha() {
        return alpha;
    }

    /** MAP weights (length d). */
    public double[] weights() {
        return java.util.Arrays.copyOf(m, m.length - 1);
    }

    /** MAP intercept. */
    public double bias() {
        return m[m.length - 1];
    }

    /** (w, b) at the MAP, a copy. */
    public double[] parameters() {
        return m.clone();
    }

    /** |w|² at the MAP (intercept excluded). */
    public double weightSq() {
        double s = 0;
        for (int j = 0; j < m.length - 1; j++) {
            s += m[j] * m[j];
        }
        return s;
    }

    /** Laplace approximation of log p(t | α). */
    public double logEvidence() {
        return logEvidence;
    }

    /** Effective number of well-determined weights. */
    public double gamma() {
        return gamma;
    }

    public int newtonIterations() {
        return newtonIterations;
    }

    /** The dual coefficients a (m = P⁻¹X̃ᵀa), or null in the primal form; a copy. */
    double[] dualCoefficients() {
        return a == null ? null : a.clone();
    }

    /** Latent mean μ = wᵀx + b. */
    public double latentMean(double[] x) {
        double s = m[m.length - 1];
        for (int j = 0; j < x.length; j++) {
            s += m[j] * x[j];
        }
        return s;
    }

    /** Latent variance s² = x̃ᵀH⁻¹x̃. */
    public double latentVariance(double[] x) {
        int d = x.length;
        if (hessian != null) {
            double[] xt = java.util.Arrays.copyOf(x, d + 1);
            xt[d] = 1;
            return hessian.quadraticForm(xt);
        }
        // H⁻¹ = P⁻¹ − P⁻¹X̃ᵀW^½B⁻¹W^½X̃P⁻¹, so s² = x̃ᵀP⁻¹x̃ − |L_B⁻¹ W^½ k|² with k = X̃P⁻¹x̃
        DMatrixRMaj rows = problem.rows();
        int n = rows.numRows;
        double bp = problem.biasPrecision();
        double xSq = 0;
        for (double v : x) {
            xSq += v * v;
        }
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += rows.data[i * d + j] * x[j];
            }
            k[i] = sw[i] * (s / alpha + 1 / bp);
        }
        double var = xSq / alpha + 1 / bp - bChol.quadraticForm(k);
        return Math.max(var, 0);
    }

    /** σ(μ) at the MAP, without moderation. */
    public double mapProbability(double[] x) {
        return LogSumExp.sigmoid(latentMean(x));
    }

    /** MacKay's moderated probability σ(κ(s²)·μ), κ = (1 + πs²/8)^−½. */
    public double probability(double[] x) {
        double mu = latentMean(x);
        double s2 = latentVariance(x);
        return LogSumExp.sigmoid(mu / Math.sqrt(1 + Math.PI * s2 / 8));
    }

    /** H⁻¹ as a (d+1)×(d+1) matrix, intercept last (for tests and small problems). */
    public DMatrixRMaj covariance() {
        if (hessian != null) {
            return hessian.inverse();
        }
        int dd = m.length;
        DMatrixRMaj cov = new DMatrixRMaj(dd, dd);
        // Woodbury: H⁻¹ = P⁻¹ − UᵀU with the columns u_j = L_B⁻¹ W^½ X̃ P⁻¹ e_j
        DMatrixRMaj rows = problem.rows();
        int n = rows.numRows;
        double[][] u = new double[dd][];
        for (int j = 0; j < dd; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                double xij = j < dd - 1 ? rows.data[i * (dd - 1) + j] : 1;
                v[i] = sw[i] * xij / problem.prior(j, alpha);
            }
            u[j] = bChol.solveLower(v);
        }
        for (int j = 0; j < dd; j++) {
            for (int l = 0; l < dd; l++) {
                double s = (j == l ? 1 / problem.prior(j, alpha) : 0);
                for (int i = 0; i < n; i++) {
                    s -= u[j][i] * u[l][i];
                }
                cov.set(j, l, s);
            }
        }
        return cov;
    }
}
