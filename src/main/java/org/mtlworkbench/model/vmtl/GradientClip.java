package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.Adam;

/**
 * Adaptive clipping by global norm: a gradient whose norm is more than {@link #FACTOR} times the running average of
 * the recent (clipped) norms is scaled down to that limit. Scale-free (the loss is summed over rows, so the usual
 * fixed threshold would depend on the data set's size), and a single outlying Monte Carlo draw (a z or w sample far
 * in the tail, a residual divided by a small noise σ) moves Adam's moments no more than a typical step does.
 */
final class GradientClip {

    /** How far above the running norm a gradient may be before it is scaled down. */
    static final double FACTOR = 3.0;
    /** Weight of the past in the running norm (about 50 steps). */
    private static final double DECAY = 0.98;

    private double average = Double.NaN;
    private int clipped;

    /** The multiplier for a gradient of norm {@code norm} (1 when not clipped); updates the running norm. */
    double scale(double norm) {
        if (!(norm > 0) || Double.isInfinite(norm)) {
            return 1.0;
        }
        if (Double.isNaN(average)) {
            average = norm;
            return 1.0;
        }
        double limit = FACTOR * average;
        double kept = Math.min(norm, limit);
        average = DECAY * average + (1 - DECAY) * kept;
        if (norm <= limit) {
            return 1.0;
        }
        clipped++;
        return limit / norm;
    }

    /** How many gradients have been scaled down so far. */
    int clipped() {
        return clipped;
    }
}
