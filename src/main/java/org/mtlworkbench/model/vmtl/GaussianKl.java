package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.Scalars;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

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
     * The sufficient statistics of detached Gaussian components N(μᵢ, σᵢ²), each [T, I, L·B] (row task, component,
     * then latent and row axis flattened, contiguous): 1/σᵢ², μᵢ/σᵢ², and log σᵢ² + μᵢ²/σᵢ².
     */
    record Components(NDArray precision, NDArray meanPrecision, NDArray constant) {
    }

    /**
     * The statistics of components with means {@code mean} and variances {@code var} ([T, I, L·B], not requiring
     * gradients). Computed in place to keep the step's allocations down: both arguments are used up (closed).
     */
    static Components components(NDArray mean, NDArray var) {
        NDArray precision = Scalars.over(1f, var);
        NDArray constant = var.log();
        var.close();
        NDArray meanPrecision = mean.mul(precision);
        constant.addi(mean.muli(meanPrecision));
        mean.close();
        return new Components(precision, meanPrecision, constant);
    }

    /**
     * The {@link KlEstimator#PAIRWISE} KL of the representation prior, Σᵢ wᵢ Σ_l KL(N(m, v) ‖ N(μᵢ, σᵢ²)) per row,
     * through the components' sufficient statistics instead of a [T, I, B, L] tensor of pairwise KLs. Expanding the
     * square, each row's sum is
     * <pre>
     *   ½ [ Σ_l ((v + m²) Σᵢ wᵢ/σᵢ² − 2m Σᵢ wᵢ μᵢ/σᵢ² + Σᵢ wᵢ (log σᵢ² + μᵢ²/σᵢ²))  −  Σᵢ wᵢ · Σ_l (log v + 1) ]
     * </pre>
     * The components are detached (the previous iteration's posteriors), so their statistics are computed without
     * autograd, and the only recorded ops that touch T·I·B·L numbers are three batched matmuls with the weights
     * (forward and backward), against a dozen elementwise passes (and as many backward) for the pairwise tensor.
     * The components' axis sits right after the row task's, so that each product is a plain [1, I] × [I, L·B] GEMM
     * per task: broadcasting the weights over the rows instead ([T, 1, 1, I] × [T, B, I, L]) made the backward
     * pass of these three products alone take longer than the rest of the landmine step.
     * Precision: float32 cancellation in m²/σᵢ² − 2mμᵢ/σᵢ² + μᵢ²/σᵢ² is relative to (|m| + |μᵢ|)²/σᵢ², small while
     * σᵢ ≥ minStdZ (0.1 by default).
     *
     * @param m       the posterior's means, [T, B, L] (requires gradient)
     * @param v       its variances, [T, B, L]
     * @param c       the components' statistics: task i's (detached) head on row b of task t, [T, I, L·B]
     * @param weights mixing weights, [T, I]
     * @return the KL per row, [T, B]
     */
    static NDArray pairwiseByStatistics(NDArray m, NDArray v, Components c, NDArray weights) {
        Mixed w = mixed(c, weights, m.getShape());
        NDArray mt = m.transpose(0, 2, 1);
        NDArray vt = v.transpose(0, 2, 1);
        NDArray own = vt.add(mt.square()).mul(w.precision()).sub(Scalars.mul(mt.mul(w.meanPrecision()), 2f))
                .add(w.constant()).sub(vt.log().add(1f).mul(w.weightSum())).sum(new int[] {1});
        return Scalars.mul(own, 0.5f);
    }

    /**
     * The components' statistics summed with the mixing weights: Σᵢ wᵢ/σᵢ², Σᵢ wᵢ μᵢ/σᵢ² and Σᵢ wᵢ (log σᵢ² + μᵢ²/σᵢ²),
     * each [T, L, B], and Σᵢ wᵢ as [T, 1, 1].
     */
    private record Mixed(NDArray precision, NDArray meanPrecision, NDArray constant, NDArray weightSum) {
    }

    /**
     * {@link Mixed} for components {@code c} ([T, I, L·B]) and weights [T, I], for rows of shape {@code rows} = [T, B,
     * L]: three [T, 1, I] × [T, I, L·B] products, one GEMM per task.
     */
    private static Mixed mixed(Components c, NDArray weights, Shape rows) {
        long[] ws = weights.getShape().getShape();
        Shape byLatent = new Shape(rows.get(0), rows.get(2), rows.get(1));
        NDArray w = weights.reshape(ws[0], 1, ws[1]);
        return new Mixed(w.matMul(c.precision()).reshape(byLatent), w.matMul(c.meanPrecision()).reshape(byLatent),
                w.matMul(c.constant()).reshape(byLatent), weights.sum(new int[] {1}).reshape(ws[0], 1, 1));
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
