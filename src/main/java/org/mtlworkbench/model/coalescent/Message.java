package org.mtlworkbench.model.coalescent;

/**
 * A Gaussian message about a node's value in the diffusion: N(mean, variance · Λ) at a given height above the
 * leaves (heights grow towards the root; ALGORITHMS.md counts time negatively, here height = −t). Moving a message
 * up or down a branch of length b adds b to its variance (Brownian motion).
 *
 * @param mean     the message mean (a weight vector or log-std vector)
 * @param variance scalar multiplier of the diffusion covariance, ≥ 0
 * @param height   where the message sits
 */
public record Message(double[] mean, double variance, double height) {

    /** A point value at a leaf (height 0, variance 0). */
    public static Message leaf(double[] value) {
        return new Message(value, 0, 0);
    }

    /** The message moved along a branch to {@code newHeight} (up or down): the variance grows by the distance. */
    public Message movedTo(double newHeight) {
        return new Message(mean, variance + Math.abs(newHeight - height), newHeight);
    }

    /**
     * The product of the two children's messages moved up to the parent at {@code height}:
     * v = [(v_l + h − h_l)⁻¹ + (v_r + h − h_r)⁻¹]⁻¹ and mean = v·[μ_l/(v_l + h − h_l) + μ_r/(v_r + h − h_r)].
     */
    public static Message merge(Message left, Message right, double height) {
        double a = Math.max(left.variance + height - left.height, MergeTime.MIN_VARIANCE);
        double b = Math.max(right.variance + height - right.height, MergeTime.MIN_VARIANCE);
        double v = a * b / (a + b);
        double wl = b / (a + b);
        double wr = a / (a + b);
        double[] m = new double[left.mean.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = wl * left.mean[i] + wr * right.mean[i];
        }
        return new Message(m, v, height);
    }

    /**
     * log N(μ_l − μ_r; 0, s·Λ) with s = (v_l + h − h_l) + (v_r + h − h_r): the local evidence of merging the two at
     * {@code height}. {@code lambda} supplies Λ's Cholesky factor and log-determinant.
     */
    public static double logEvidence(Message left, Message right, double height, Diffusion lambda) {
        double s = Math.max(left.variance + right.variance + 2 * height - left.height - right.height,
                MergeTime.MIN_VARIANCE);
        double[] delta = new double[left.mean.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = left.mean[i] - right.mean[i];
        }
        return lambda.logDensity(delta, s);
    }
}
