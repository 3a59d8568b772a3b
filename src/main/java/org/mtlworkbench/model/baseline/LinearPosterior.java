package org.mtlworkbench.model.baseline;

import org.ejml.data.DMatrixRMaj;

/**
 * The Gaussian posterior N(m, A⁻¹), A = αI + βXᵀX, of a {@link LinearEvidence} at one (α, β), with the quantities
 * that evidence maximisation needs.
 *
 * @see LinearEvidence#at(double, double)
 */
public final class LinearPosterior {

    private final LinearEvidence evidence;
    private final double alpha;
    private final double beta;
    private final double[] mean;
    private final double gamma;
    private final double weightSq;
    private final double residualSq;
    private final double logEvidence;

    LinearPosterior(LinearEvidence evidence, double alpha, double beta, double[] mean, double gamma, double weightSq,
                    double residualSq, double logEvidence) {
        this.evidence = evidence;
        this.alpha = alpha;
        this.beta = beta;
        this.mean = mean;
        this.gamma = gamma;
        this.weightSq = weightSq;
        this.residualSq = residualSq;
        this.logEvidence = logEvidence;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    /** Posterior mean m = βA⁻¹Xᵀy (a copy). */
    public double[] mean() {
        return mean.clone();
    }

    double[] meanView() {
        return mean;
    }

    /** Effective number of well-determined parameters γ = Σ βλᵢ/(α + βλᵢ). */
    public double gamma() {
        return gamma;
    }

    /** |m|². */
    public double weightSq() {
        return weightSq;
    }

    /** |y − Xm|². */
    public double residualSq() {
        return residualSq;
    }

    /** log p(y | α, β). */
    public double logEvidence() {
        return logEvidence;
    }

    /** ∂ log p(y | α, β) / ∂ log α = (γ − α|m|²)/2. */
    public double gradLogAlpha() {
        return 0.5 * (gamma - alpha * weightSq);
    }

    /** ∂ log p(y | α, β) / ∂ log β = (N − γ − β|y − Xm|²)/2. */
    public double gradLogBeta() {
        return 0.5 * (evidence.effectiveRows() - gamma - beta * residualSq);
    }

    /** mᵀx. */
    public double predictMean(double[] x) {
        double s = 0;
        for (int j = 0; j < mean.length; j++) {
            s += mean[j] * x[j];
        }
        return s;
    }

    /** xᵀA⁻¹x: the posterior variance of wᵀx (noise not included). */
    public double weightVariance(double[] x) {
        return evidence.weightVariance(alpha, beta, x);
    }

    /** A⁻¹ as a d×d matrix (for tests and small problems). */
    public DMatrixRMaj covariance() {
        return evidence.covariance(alpha, beta);
    }
}
