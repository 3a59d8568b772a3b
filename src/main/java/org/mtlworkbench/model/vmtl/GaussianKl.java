package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.Scalars;

import ai.djl.ndarray.NDArray;

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
