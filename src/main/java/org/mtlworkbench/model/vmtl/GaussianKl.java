package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.Scalars;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * KL divergences between fully factorised Gaussians and from a Gaussian to a Gaussian mixture prior, on NDArrays.
 * Arguments are means and variances (not standard deviations) that broadcast against each other; the result is
 * elementwise (sum over the parameter axes at the call site).
 */
final class GaussianKl {

    private GaussianKl() {
    }

    /** KL(N(m1, v1) ‖ N(m2, v2)) per element: ½ (log v2 − log v1 + (v1 + (m1 − m2)²)/v2 − 1). */
    static NDArray elementwise(NDArray m1, NDArray v1, NDArray m2, NDArray v2) {
        NDArray diff = m1.sub(m2);
        return Scalars.mul(v2.log().sub(v1.log()).add(v1.add(diff.square()).div(v2)).sub(1f), 0.5f);
    }

    /**
     * KL from q = N(m, v) (shape [T, …]) to the mixture Σᵢ wᵢ qᵢ of components (shape [T, T, …]: row task,
     * component task, …) with weights w (shape [T, T] broadcast over the trailing axes), summed over the
     * trailing {@code paramAxes} axes after the two task axes, per the estimator. Returns shape [T, …rest].
     *
     * @param m          the posterior's means, shape [T, rest…, params…]
     * @param v          its variances, same shape
     * @param compMean   component means, shape [T, T, rest…, params…] (or broadcastable)
     * @param compVar    component variances, same
     * @param weights    mixing weights, already reshaped to broadcast as [T, T, 1…]
     * @param paramAxes  how many trailing axes hold parameters (summed)
     */
    static NDArray toMixture(KlEstimator estimator, NDArray m, NDArray v, NDArray compMean, NDArray compVar,
                             NDArray weights, int paramAxes) {
        int rank = (int) compMean.getShape().dimension();
        int[] params = new int[paramAxes];
        for (int i = 0; i < paramAxes; i++) {
            params[i] = rank - paramAxes + i;
        }
        switch (estimator) {
            case PAIRWISE: {
                NDArray pair = elementwise(m.expandDims(1), v.expandDims(1), compMean, compVar).sum(params);
                // pair has shape [T, T, rest…]; weights [T, T, 1…] lose their trailing param axes here
                NDArray w = weights.reshape(pairShape(weights, paramAxes));
                return pair.mul(w).sum(new int[] {1});
            }
            case MOMENT: {
                NDArray mean = compMean.mul(weights).sum(new int[] {1});
                NDArray spread = compMean.sub(mean.expandDims(1)).square();
                NDArray var = compVar.add(spread).mul(weights).sum(new int[] {1});
                return elementwise(m, v, mean, var).sum(shift(params, -1));
            }
            case OFFICIAL_SUM: {
                NDArray mean = compMean.mul(weights).sum(new int[] {1});
                NDArray var = compVar.mul(weights.square()).sum(new int[] {1});
                return elementwise(m, v, mean, var).sum(shift(params, -1));
            }
            default:
                throw new IllegalStateException(estimator.toString());
        }
    }

    /**
     * The {@link KlEstimator#PAIRWISE} KL of the representation prior, Σᵢ wᵢ Σ_l KL(N(m, v) ‖ N(μᵢ, σᵢ²)) per row,
     * through the components' sufficient statistics instead of a [T, T, B, L] tensor of pairwise KLs. Expanding the
     * square, each row's sum is
     * <pre>
     *   ½ [ Σᵢ wᵢ Σ_l (log σᵢ² + μᵢ²/σᵢ²)  +  Σ_l ((v + m²) Σᵢ wᵢ/σᵢ² − 2m Σᵢ wᵢ μᵢ/σᵢ²)  −  Σᵢ wᵢ · Σ_l (log v + 1) ]
     * </pre>
     * The components are detached (the previous iteration's posteriors), so their statistics are computed without
     * autograd, and the only recorded op that touches T·T·B·L numbers is one batched matmul with the weights
     * (forward and backward), against a dozen elementwise passes (and as many backward) for the pairwise tensor.
     * Precision: float32 cancellation in m²/σᵢ² − 2mμᵢ/σᵢ² + μᵢ²/σᵢ² is relative to (|m| + |μᵢ|)²/σᵢ², small while
     * σᵢ ≥ minStdZ (0.1 by default).
     *
     * @param m        the posterior's means, [T, B, L] (requires gradient)
     * @param v        its variances, [T, B, L]
     * @param compMean component means, [T, B, I, L]: task i's (detached) head on row b of task t
     * @param compSd   component standard deviations, same shape
     * @param weights  mixing weights, [T, I]
     * @return the KL per row, [T, B]
     */
    static NDArray pairwiseByStatistics(NDArray m, NDArray v, NDArray compMean, NDArray compSd, NDArray weights) {
        long latent = m.getShape().get(2);
        // no autograd on these: the components are detached
        NDArray compVar = compSd.stopGradient().square();
        NDArray precision = compVar.pow(-1);
        NDArray meanPrecision = compMean.stopGradient().mul(precision);
        NDArray constant = compVar.log().add(compMean.stopGradient().mul(meanPrecision)).sum(new int[] {3}, true);
        NDArray stats = NDArrays.concat(new NDList(precision, meanPrecision, constant), 3); // [T, B, I, 2L+1]
        long[] ws = weights.getShape().getShape();
        // [T, 1, 1, I] × [T, B, I, 2L+1] → [T, B, 1, 2L+1]: the weighted sums over the components, one GEMM
        NDArray mixed = weights.reshape(ws[0], 1, 1, ws[1]).matMul(stats).squeeze(2);
        NDArray sumPrecision = mixed.get(":, :, 0:" + latent);
        NDArray sumMeanPrecision = mixed.get(":, :, " + latent + ":" + 2 * latent);
        NDArray sumConstant = mixed.get(":, :, " + 2 * latent);
        NDArray weightSum = weights.sum(new int[] {1}).reshape(ws[0], 1);
        NDArray own = v.add(m.square()).mul(sumPrecision).sub(Scalars.mul(m.mul(sumMeanPrecision), 2f))
                .sub(v.log().add(1f).mul(weightSum.expandDims(2))).sum(new int[] {2});
        return Scalars.mul(own.add(sumConstant), 0.5f);
    }

    private static ai.djl.ndarray.types.Shape pairShape(NDArray weights, int paramAxes) {
        long[] s = weights.getShape().getShape();
        long[] out = new long[s.length - paramAxes];
        System.arraycopy(s, 0, out, 0, out.length);
        return new ai.djl.ndarray.types.Shape(out);
    }

    private static int[] shift(int[] axes, int by) {
        int[] out = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            out[i] = axes[i] + by;
        }
        return out;
    }
}
