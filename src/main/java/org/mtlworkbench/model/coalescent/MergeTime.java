package org.mtlworkbench.model.coalescent;

/**
 * The Greedy-MaxProb merge of two lineages (ALGORITHMS.md §3.4). With c = C(n, 2) lineages' rate, a pair whose
 * messages differ by Δ (q = ΔᵀΛ⁻¹Δ, or its expectation when the leaves are uncertain) and whose evidence variance
 * would be s₀ if they merged right now, merging δ later scores
 * <pre>  f(δ) = −c·δ − (d/2)·log s − q/(2s),   s = s₀ + 2δ  </pre>
 * (Kingman prior of the waiting time times the local evidence, constants dropped). Setting f'(δ) = 0 gives
 * c·s² + d·s − q = 0, so δ* = [√(4cq + d²) − d]/(4c) − s₀/2, clamped at 0 (merging in the past is impossible).
 */
public final class MergeTime {

    /** Evidence variances below this are treated as this, so identical messages never give an infinite score. */
    static final double MIN_VARIANCE = 1e-12;

    private MergeTime() {
    }

    /** The optimal delay δ* ≥ 0. */
    public static double optimalDelay(double c, double q, double s0, int d) {
        double sStar = (Math.sqrt(4 * c * q + (double) d * d) - d) / (2 * c);
        return Math.max(0, (sStar - s0) / 2);
    }

    /** f(δ) above: the log prior of waiting δ plus the log local evidence, up to pair-independent constants. */
    public static double score(double c, double delay, double q, double s0, int d) {
        double s = Math.max(s0 + 2 * delay, MIN_VARIANCE);
        return -c * delay - 0.5 * d * Math.log(s) - q / (2 * s);
    }
}
