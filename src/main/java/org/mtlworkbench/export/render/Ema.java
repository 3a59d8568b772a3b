package org.mtlworkbench.export.render;

/**
 * Bias-corrected exponential moving average (as TensorBoard fixed it, TensorBoard #610/#639): s_n = β s_{n−1} +
 * (1 − β) x_n from s_0 = 0, shown as s_n / (1 − βⁿ), so the first points are not dragged towards zero and a
 * constant curve stays constant.
 */
public final class Ema {

    private final double beta;
    private double s;
    private int n;
    private double betaPow = 1;

    /** @param beta smoothing weight in [0, 1): 0 = no smoothing */
    public Ema(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), not " + beta);
        }
        this.beta = beta;
    }

    /** Takes the next value and returns the smoothed value so far. */
    public double next(double x) {
        n++;
        s = beta * s + (1 - beta) * x;
        betaPow *= beta;
        return s / (1 - betaPow);
    }

    public int count() {
        return n;
    }

    /** The whole smoothed curve of {@code xs}. */
    public static double[] smooth(double[] xs, double beta) {
        Ema e = new Ema(beta);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = e.next(xs[i]);
        }
        return out;
    }
}
