package org.mtlworkbench.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba) over a fixed list of parameters, with bias correction. Written here rather than DJL's
 * {@code Optimizer} so that every temporary of an update lives in the step's manager: the moment estimates are
 * attached to the step manager only for the step ({@link #tempAttach}).
 *
 * <p>The update itself is the engine's fused Adam ({@code NDArrayEx.adamUpdate}: one native call per parameter,
 * autograd off, the parameter changed in place) instead of ~20 separate ops (decision 0032). The bias correction is
 * passed in its step size and its ε: p −= lr·√c₂/c₁ · m / (√v + ε·√c₂), the same as lr·m̂/(√v̂ + ε). A decay mask
 * is folded into the gradient first (the fused call decays every entry alike).
 */
public final class Adam {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final List<NDArray> params;
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();
    private int t;

    public Adam(NDManager manager, List<NDArray> params) {
        this.params = List.copyOf(params);
        for (NDArray p : params) {
            m.add(manager.zeros(p.getShape(), p.getDataType(), p.getDevice()));
            v.add(manager.zeros(p.getShape(), p.getDataType(), p.getDevice()));
        }
    }

    public void tempAttach(NDManager step) {
        for (int i = 0; i < params.size(); i++) {
            m.get(i).tempAttach(step);
            v.get(i).tempAttach(step);
        }
    }

    /** One update with step size {@code lr} from the gradients now held by the parameters, which it then zeroes. */
    public void update(double lr) {
        update(lr, 0);
    }

    /**
     * One update with L2 weight decay {@code wd} added to the gradient (coupled, as PyTorch's Adam and the
     * official VMTL code do: a Gaussian prior on the weights), on every entry.
     */
    public void update(double lr, double wd) {
        update(lr, wd, null, 1f);
    }

    /** As {@link #update(double, double)}, with the decay applied where {@code decayMask} (same shape) is 1. */
    public void update(double lr, double wd, NDArray decayMask) {
        update(lr, wd, decayMask, 1f);
    }

    /**
     * As {@link #update(double, double)}, with the decay applied where {@code decayMask} (same shape) is 1, and the
     * gradients multiplied by {@code gradientScale} first (clipping, {@code model.vmtl.GradientClip}).
     */
    public void update(double lr, double wd, NDArray decayMask, float gradientScale) {
        update(lr, wd, decayMask, gradientScale, null);
    }

    /**
     * As {@link #update(double, double, NDArray, float)} with the gradients given ({@code gradients}, one per
     * parameter, used up: the decay is added to them in place) instead of those autograd left on the parameters;
     * null = the parameters' own.
     */
    public void update(double lr, double wd, NDArray decayMask, float gradientScale, List<NDArray> gradients) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        float stepSize = (float) (lr * Math.sqrt(c2) / c1);
        float eps = (float) (EPS * Math.sqrt(c2));
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray raw = gradients == null ? p.getGradient() : gradients.get(i);
            float decayAll = (float) wd;
            if (wd != 0 && decayMask != null) {
                // g·s + wd·mask·p = (g + (wd/s)·mask·p)·s: fold the masked decay in before the fused call rescales
                NDArray decay = p.stopGradient().mul(decayMask);
                raw.addi(decay.muli((float) (wd / gradientScale)));
                decayAll = 0f;
            }
            // clipGrad < 0: no clamp (the fused call's clamp is one-sided, not a norm clip); the call zeroes p's
            // gradient afterwards
            p.getNDArrayInternal().adamUpdate(new NDList(p, raw, m.get(i), v.get(i)), new NDList(p), (float) lr,
                    stepSize, decayAll, gradientScale, -1f, BETA1, BETA2, eps, false, false);
        }
    }

    public int steps() {
        return t;
    }
}
