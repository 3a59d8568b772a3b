package org.mtlworkbench.numeric;

/**
 * Negative log predictive density of one observation, the one definition shared by the evaluation metrics and by
 * models that score held-out rows themselves (VMTL's tying choice).
 */
public final class Nlpd {

    /** Probabilities are floored here before the log, so one confident mistake gives a large, finite NLPD. */
    public static final double MIN_PROBABILITY = 1e-15;

    private Nlpd() {
    }

    /** −log N(y; mean, var). */
    public static double gaussian(double y, double mean, double var) {
        double e = y - mean;
        return 0.5 * Math.log(2 * Math.PI * var) + e * e / (2 * var);
    }

    /** −log p, with p floored at {@link #MIN_PROBABILITY}. */
    public static double categorical(double probabilityOfTrueClass) {
        return -Math.log(Math.max(probabilityOfTrueClass, MIN_PROBABILITY));
    }
}
