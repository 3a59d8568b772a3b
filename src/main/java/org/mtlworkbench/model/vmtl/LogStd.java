package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.Adam;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Smooth bounds on the log standard deviations (of z, of w and of the regression noise), on the device and the same
 * formulas on the JVM. Smooth rather than clamped: a hard clamp (min/max) has a zero gradient beyond the bound, so
 * a parameter that crosses it is stuck there for good; the soft bound keeps a (small) gradient, which Adam rescales
 * to a normal step, so the parameter comes back.
 */
final class LogStd {

    /**
     * Upper bound of every log sd (σ ≤ e⁴ ≈ 55, far above any useful value): on data with nothing to learn a head may
     * grow σ without bound to blur its predictions, and exp overflowed at step ~5,000 of a long run.
     */
    static final float MAX = 4f;
    /**
     * Lower bound of the regression noise's log sd, in standardised target units (σ ≥ 0.01, 1 % of the targets' sd).
     * The Gaussian likelihood with a learned noise is unbounded below as σ → 0 when the network interpolates the
     * training rows; without a floor log σ drifts down at Adam's full step, and 1/σ² scales every residual's gradient.
     */
    static final float MIN_NOISE = (float) Math.log(0.01);

    private LogStd() {
    }

    /** MAX − softplus(MAX − s): ≈ s well below MAX, → MAX above it. */
    static NDArray capped(NDArray s) {
        return Activation.softPlus(s.neg().add(MAX)).neg().add(MAX);
    }

    /** MIN_NOISE + softplus(s − MIN_NOISE), then capped. */
    static NDArray noise(NDArray s) {
        return capped(Activation.softPlus(s.sub(MIN_NOISE)).add(MIN_NOISE));
    }

    static double capped(double s) {
        return MAX - softplus(MAX - s);
    }

    static double noise(double s) {
        return capped(MIN_NOISE + softplus(s - MIN_NOISE));
    }

    /** log(1 + eˣ) without overflow. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
