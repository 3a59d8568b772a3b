package org.mtlworkbench.model.djl;

import ai.djl.ndarray.NDArray;

/**
 * Multiplication and division by a constant inside the gradient-recorded forward pass. DJL 0.32's {@code mul(Number)}
 * and {@code div(Number)} wrap the number in a tensor backed by a direct buffer, run the op and close that tensor at
 * once; autograd keeps it for the backward pass (the derivative of a·c is c), and once the collector has freed the
 * buffer the backward pass reads freed memory: every gradient ~1e28 with a normal loss, only now and then, never
 * without a garbage collector (decision 0031). Here the constant is a tensor of the step's manager, alive until the
 * step closes, after the backward pass.
 */
public final class Scalars {

    private Scalars() {
    }

    /** a·c, with c owned by a's manager. */
    public static NDArray mul(NDArray a, float c) {
        return a.mul(a.getManager().create(c));
    }

    /** a/c, with c owned by a's manager. */
    public static NDArray div(NDArray a, float c) {
        return a.div(a.getManager().create(c));
    }

    /** a·c in place, with c owned by a's manager. */
    public static NDArray muli(NDArray a, float c) {
        return a.muli(a.getManager().create(c));
    }

    /** c/a, with c owned by a's manager. */
    public static NDArray over(float c, NDArray a) {
        return a.getManager().create(c).div(a);
    }
}
