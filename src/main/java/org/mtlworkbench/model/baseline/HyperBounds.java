package org.mtlworkbench.model.baseline;

/**
 * Bounds that keep evidence maximisation away from α → 0 or ∞ and β → ∞ (a perfect fit): the hyper-parameters are
 * clamped to [1e-10, 1e10] (features are standardised, so this spans any sensible prior and noise level).
 */
final class HyperBounds {

    static final double LOG_MIN = Math.log(1e-10);
    static final double LOG_MAX = Math.log(1e10);

    private HyperBounds() {
    }

    /** Clamps a log value into the bounds; NaN (an undefined update) gives {@code fallback}. */
    static double clampLog(double logValue, double fallback) {
        if (Double.isNaN(logValue)) {
            return fallback;
        }
        return Math.max(LOG_MIN, Math.min(LOG_MAX, logValue));
    }
}
