package org.mtlworkbench.numeric;

/**
 * Overflow-safe log-sum-exp and the logistic functions built on it (softplus, log-sigmoid, sigmoid).
 */
public final class LogSumExp {

    private LogSumExp() {
    }

    /** log Σ exp(a_i); −∞ for an empty array or when every term is −∞; +∞ if any term is +∞; NaN if any is NaN. */
    public static double of(double... a) {
        return of(a, 0, a.length);
    }

    /** log Σ exp(a_i) over {@code a[from, to)}. */
    public static double of(double[] a, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isNaN(a[i])) {
                return Double.NaN;
            }
            max = Math.max(max, a[i]);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.exp(a[i] - max);
        }
        return max + Math.log(sum);
    }

    /** log(exp(a) + exp(b)). */
    public static double of2(double a, double b) {
        double max = Math.max(a, b);
        if (Double.isInfinite(max)) {
            return Double.isNaN(a + b) ? Double.NaN : max;
        }
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    /** softplus(x) = log(1 + eˣ), accurate for large |x|. */
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** log σ(x) = −softplus(−x). */
    public static double logSigmoid(double x) {
        return -softplus(-x);
    }

    /** σ(x) = 1 / (1 + e⁻ˣ), without overflow. */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
