package org.mtlworkbench.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.SplittableRandom;

/**
 * The binary Gumbel-softmax (Gumbel-sigmoid, binary concrete) for independent Bernoulli gates with logits ℓ:
 * b̃ = σ((ℓ + g₁ − g₂)/τ) with g₁, g₂ standard Gumbel. The difference g₁ − g₂ is standard logistic, drawn directly as
 * log u − log(1 − u). The hard sample 1[ℓ + g₁ − g₂ &gt; 0] is Bernoulli(σ(ℓ)) exactly, at every τ.
 *
 * <p>Gates are grouped along the last axis (e.g. the C components of one task and layer); {@link #sample} keeps at
 * least one gate of every group on: when a group's hard sample is empty, the gate with the highest noisy score is
 * switched on.
 */
public final class BinaryGumbel {

    private BinaryGumbel() {
    }

    /** {@code n} standard logistic values (the difference of two standard Gumbels), as float32. */
    public static float[] logisticNoise(SplittableRandom rng, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            while (u == 0.0) {
                u = rng.nextDouble();
            }
            out[i] = (float) (Math.log(u) - Math.log1p(-u));
        }
        return out;
    }

    /**
     * Gate values for {@code logits} with logistic {@code noise} (same shape) at temperature τ. Straight-through:
     * the forward value is the hard sample (0/1, at least one 1 per group) and the gradient is that of the relaxed
     * sample. Otherwise the relaxed sample, plus 1 on the forced gate of a group whose hard sample is empty, so no
     * group ever sums to zero (the relaxed values can underflow to 0 at small τ).
     */
    public static NDArray sample(NDArray logits, NDArray noise, double tau, boolean straightThrough) {
        NDArray score = logits.add(noise);
        NDArray soft = Activation.sigmoid(Scalars.div(score, (float) tau));
        NDArray forced = forcedOn(score.stopGradient());
        if (!straightThrough) {
            return soft.add(forced);
        }
        NDArray hard = score.stopGradient().gt(0f).toType(soft.getDataType(), false).add(forced);
        return soft.sub(soft.stopGradient()).add(hard);
    }

    /** 1 on the highest-scoring gate of every group with no positive score, 0 elsewhere. */
    static NDArray forcedOn(NDArray score) {
        NDArray max = score.max(new int[] {-1}, true);
        NDArray empty = max.lte(0f).toType(score.getDataType(), false);
        return score.eq(max).toType(score.getDataType(), false).mul(empty);
    }

    /** The relaxed sample σ((ℓ + noise)/τ), in double precision, for tests and views. */
    public static double relaxed(double logit, double noise, double tau) {
        return 1 / (1 + Math.exp(-(logit + noise) / tau));
    }

    /** σ(ℓ): the probability that a gate is on. */
    public static double probability(double logit) {
        return 1 / (1 + Math.exp(-logit));
    }
}
