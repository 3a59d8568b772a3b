package org.mtlworkbench.model.clustering;

/**
 * Everything one evaluation of the objective at fixed hyper-parameters yields: per task and component the log
 * evidence log P_iα, the log prior weight log π_iα, the responsibility z_iα and the posterior N(μ_iα, C_iα) of
 * A_i; the objective and, when asked for, its gradient with respect to W and σ².
 */
final class HbPosterior {

    final double[][] logLik;
    final double[][] logPi;
    final double[][] z;
    final double[][][] mu;
    final double[][][] cov;
    /** Σ_i log Σ_α π_iα P_iα, with the target in standardised units. */
    double logEvidence;
    /** Log hyper-prior terms (covariance prior, gate penalty). */
    double logHyperPrior;
    /** ∂(objective)/∂W (null unless asked for or when W is not learned). */
    double[] gradW;
    /** ∂(objective)/∂σ². */
    double gradNoiseVar;

    HbPosterior(int tasks, int k, int p) {
        logLik = new double[tasks][k];
        logPi = new double[tasks][k];
        z = new double[tasks][k];
        mu = new double[tasks][k][p];
        cov = new double[tasks][k][p * p];
    }

    /** The objective EM increases: log evidence + log hyper-prior. */
    double objective() {
        return logEvidence + logHyperPrior;
    }

    /** Renames components: new a = old perm[a]. */
    void permute(int[] perm) {
        for (int i = 0; i < z.length; i++) {
            logLik[i] = pick(logLik[i], perm);
            logPi[i] = pick(logPi[i], perm);
            z[i] = pick(z[i], perm);
            double[][] m = new double[perm.length][];
            double[][] c = new double[perm.length][];
            for (int a = 0; a < perm.length; a++) {
                m[a] = mu[i][perm[a]];
                c[a] = cov[i][perm[a]];
            }
            mu[i] = m;
            cov[i] = c;
        }
    }

    private static double[] pick(double[] v, int[] perm) {
        double[] out = new double[perm.length];
        for (int a = 0; a < perm.length; a++) {
            out[a] = v[perm[a]];
        }
        return out;
    }
}
