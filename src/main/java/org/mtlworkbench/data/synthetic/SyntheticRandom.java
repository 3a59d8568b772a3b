package org.mtlworkbench.data.synthetic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The random source of one scenario, plus the rounding every generated number goes through.
 *
 * <p>Uses {@link java.util.Random}, whose algorithm (including {@code nextGaussian}) is fixed by its specification,
 * so a seed gives the same numbers on every JVM. The stream is derived from the seed and the scenario id, so two
 * scenarios with one seed do not share draws.
 */
final class SyntheticRandom {

    /** Significant digits kept for every generated number (data and planted parameters). */
    static final int DIGITS = 6;

    private static final MathContext ROUNDING = new MathContext(DIGITS, RoundingMode.HALF_EVEN);

    private final Random random;

    SyntheticRandom(long seed, String scenarioId) {
        long h = seed;
        for (byte b : scenarioId.getBytes(StandardCharsets.UTF_8)) {
            h = h * 31 + b;
        }
        random = new Random(mix(h));
    }

    /** SplitMix64 finaliser: spreads nearby seeds over the whole 48-bit state of Random. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double gaussian() {
        return random.nextGaussian();
    }

    double gaussian(double mean, double sd) {
        return mean + sd * random.nextGaussian();
    }

    /** d independent N(mean_j, sd²) draws. */
    double[] gaussian(double[] mean, double sd) {
        double[] v = new double[mean.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = gaussian(mean[j], sd);
        }
        return v;
    }

    /** n × d matrix of independent N(0, sd²) draws. */
    double[][] gaussianMatrix(int n, int d, double sd) {
        double[][] m = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                m[i][j] = sd * random.nextGaussian();
            }
        }
        return m;
    }

    double uniform() {
        return random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Exponential waiting time with the given rate. */
    double exponential(double rate) {
        return -Math.log1p(-random.nextDouble()) / rate;
    }

    /** Rounds to {@link #DIGITS} significant digits (0, NaN and infinities unchanged). */
    static double round(double v) {
        if (v == 0.0 || !Double.isFinite(v)) {
            return v == 0.0 ? 0.0 : v;
        }
        return new BigDecimal(v).round(ROUNDING).doubleValue();
    }

    static double[] round(double[] v) {
        double[] r = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            r[j] = round(v[j]);
        }
        return r;
    }

    static double[][] round(double[][] m) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = round(m[i]);
        }
        return r;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
