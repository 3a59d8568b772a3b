package org.mtlworkbench.model.routing;
import org.mtlworkbench.model.djl.Scalars;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.mtlworkbench.model.djl.TaskBatches;

/**
 * The batched forward pass and loss. Each routed layer computes all C components for the rows of all tasks in one
 * matrix product [T·B, in] × [in, C·out], then weights the components by each task's gates and averages over the
 * active ones: h_t = Σ_c b_tc f_c(h_t) / Σ_c b_tc (the gates guarantee a non-zero denominator).
 */
final class RoutingForward {

    private RoutingForward() {
    }

    /**
     * Outputs [T', B, K] of the tasks whose inputs {@code x} [T', B, D], gates [T', L, C] and heads (already sliced
     * to the same T' tasks) are given.
     */
    static NDArray outputs(RoutingShape s, RoutingParameters p, NDArray x, NDArray gates, NDArray headW,
                           NDArray headB) {
        long t = x.getShape().get(0);
        long b = x.getShape().get(1);
        int c = s.components();
        NDArray h = x;
        for (int l = 0; l < s.layers(); l++) {
            int in = s.layerIn(l);
            int out = s.layerOut(l);
            NDArray z = h.reshape(t * b, in).matMul(p.layerW[l].reshape(in, (long) c * out)).reshape(t, b, c, out)
                    .add(p.layerB[l]);
            if (s.activated(l)) {
                z = Activation.relu(z);
            }
            NDArray g = gates.get(":," + l).reshape(t, 1, c, 1);
            h = z.mul(g).sum(new int[] {2}).div(g.sum(new int[] {2}));
        }
        return s.head() == HeadKind.TASK ? h.matMul(headW).add(headB) : h;
    }

    /** Mean negative log-likelihood per task [T'] over the batch rows its mask marks. */
    static NDArray taskLosses(RoutingShape s, NDArray out, TaskBatches.Batch batch, NDArray noiseLogSd) {
        NDArray nll;
        if (s.regression()) {
            NDArray logSd = noiseLogSd.reshape(-1, 1);
            NDArray r = out.squeeze(2).sub(batch.target());
            nll = Scalars.mul(r.square().mul(Scalars.mul(logSd, -2f).exp()), 0.5f).add(logSd).add((float) (0.5 * Math.log(2 * Math.PI)));
        } else {
            nll = out.logSoftmax(2).mul(batch.target()).sum(new int[] {2}).neg();
        }
        NDArray mask = batch.mask();
        return nll.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1f));
    }
}
