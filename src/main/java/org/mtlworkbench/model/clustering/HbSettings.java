package org.mtlworkbench.model.clustering;

import org.mtlworkbench.model.ParamValues;

/**
 * The hyper-parameters of one fit, read from the factory's {@link org.mtlworkbench.model.ParamSpec}s.
 *
 * @param variant          which prior
 * @param hidden           H, the number of hidden units (ignored when activation is NONE)
 * @param activation       g
 * @param clusters         K (1 for the single-Gaussian priors)
 * @param iterations       most EM steps of the reported run
 * @param tolerance        stop when an EM step gains less than tolerance · (1 + |objective|)
 * @param innerSteps       L-BFGS steps on (W, σ) per EM step
 * @param restarts         random restarts; each is screened for {@code screenSteps} EM steps, the best goes on
 * @param screenSteps      EM steps per restart before the best one is picked
 * @param covPrior         ψ of the inverse-Wishart-type prior on Σ_α (floor against collapse), in units of the
 *                         standardised target
 * @param noiseFloor       smallest noise standard deviation σ, in units of the standardised target
 * @param gateL2           L2 penalty on the gate weights U (gating only)
 */
record HbSettings(HbVariant variant, int hidden, Activation activation, int clusters, int iterations,
                  double tolerance, int innerSteps, int restarts, int screenSteps, double covPrior,
                  double noiseFloor, double gateL2) {

    /** Degrees of freedom ν₀ of the covariance prior: weak, one pseudo-task per component. */
    static final double COV_PRIOR_DOF = 1.0;

    static HbSettings from(HbVariant variant, ParamValues v) {
        return new HbSettings(variant,
                v.getInt("hidden"),
                Activation.of(v.getString("activation")),
                variant.mixture ? v.getInt("clusters") : 1,
                v.getInt("iterations"),
                v.getDouble("tolerance"),
                v.getInt("inner-steps"),
                v.getInt("restarts"),
                v.getInt("screen-steps"),
                v.getDouble("cov-prior"),
                v.getDouble("noise-floor"),
                variant.gate ? v.getDouble("gate-l2") : 0.0);
    }

    HbSettings withClusters(int k) {
        return new HbSettings(variant, hidden, activation, k, iterations, tolerance, innerSteps, restarts,
                screenSteps, covPrior, noiseFloor, gateL2);
    }
}
