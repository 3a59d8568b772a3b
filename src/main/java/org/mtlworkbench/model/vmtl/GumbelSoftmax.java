package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.Scalars;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;

/**
 * Row-wise Gumbel-softmax over the other tasks: M_t· = softmax((logits_t· + g_t·)/τ) over i ≠ t, with zero
 * diagonal and rows that sum to 1. The logits are unconstrained (no log of raw probabilities, which a gradient
 * step can push below zero).
 *
 * <p>Numerically safe at every τ: each row is shifted by its largest off-diagonal score before dividing by τ, so
 * the largest entry is exp(0) = 1 and nothing overflows; the diagonal is removed by a mask, not by −∞ (which
 * τ → ∞ would bring back to a finite number).
 */
final class GumbelSoftmax {

    /** Added to diagonal scores so that they never win the row maximum. */
    private static final float DIAGONAL_PENALTY = -1e30f;

    private GumbelSoftmax() {
    }

    /**
     * The mixing matrices for {@code logits} ([…, T, T], rows along the second-to-last axis; several matrices may
     * be stacked in front), noise {@code gumbel} (same shape, or null for the noise-free expected weights),
     * temperature τ, and {@code offDiagonal} (T×T or the matching rows: 1 off the diagonal, 0 on it).
     */
    static NDArray mix(NDArray logits, NDArray gumbel, double tau, NDArray offDiagonal) {
        NDArray scores = gumbel == null ? logits : logits.add(gumbel);
        NDArray penalised = scores.add(offDiagonal.sub(1f).mul(-DIAGONAL_PENALTY));
        NDArray rowMax = penalised.max(new int[] {-1}, true).stopGradient();
        NDArray e = Scalars.div(penalised.sub(rowMax), (float) tau).exp().mul(offDiagonal);
        return e.div(e.sum(new int[] {-1}, true));
    }

    /** The same computation in double precision on the JVM, for views (noise-free) and tests. */
    static double[][] mix(double[][] logits, double[][] gumbel, double tau) {
        return mix(logits, gumbel, tau, false);
    }

    /**
     * As {@link #mix(double[][], double[][], double)}; {@code withDiagonal}: every column takes part, the diagonal too
     * (α with the null component, whose weight sits on the diagonal).
     */
    static double[][] mix(double[][] logits, double[][] gumbel, double tau, boolean withDiagonal) {
        int t = logits.length;
        double[][] out = new double[t][t];
        for (int r = 0; r < t; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < t; c++) {
                if (c != r || withDiagonal) {
                    max = Math.max(max, score(logits, gumbel, r, c));
                }
            }
            double sum = 0;
            for (int c = 0; c < t; c++) {
                if (c != r || withDiagonal) {
                    out[r][c] = Math.exp((score(logits, gumbel, r, c) - max) / tau);
                    sum += out[r][c];
                }
            }
            for (int c = 0; c < t; c++) {
                out[r][c] /= sum;
            }
        }
        return out;
    }

    private static double score(double[][] logits, double[][] gumbel, int r, int c) {
        return logits[r][c] + (gumbel == null ? 0 : gumbel[r][c]);
    }

    /** Standard Gumbel noise −log(−log U), T×T, as float32 row-major, drawn from {@code rng}. */
    static float[] noise(SplittableRandom rng, int t) {
        return noise(rng, t, 1);
    }

    /** {@code count} stacked T×T blocks of standard Gumbel noise. */
    static float[] noise(SplittableRandom rng, int t, int count) {
        float[] g = new float[count * t * t];
        for (int i = 0; i < g.length; i++) {
            double u = rng.nextDouble();
            while (u == 0.0) {
                u = rng.nextDouble();
            }
            g[i] = (float) -Math.log(-Math.log(u));
        }
        return g;
    }
}
