package org.mtlworkbench.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba) over a fixed list of parameters, with bias correction. Written here rather than DJL's
 * {@code Optimizer} so that every temporary of an update lives in the step's manager: the moment estimates are
 * attached to the step manager only for the step ({@link #tempAttach}).
 *
 * <p>The update runs {@code AdamStep.torchscript}: one native call per parameter, autograd off, the parameter and
 * moments changed in place, eight passes over the parameter (decision 0036; DJL's fused call, decision 0032, made
 * about fifteen, and three more ops folded in a decay mask). The bias correction is passed in its step size and its
 * ε: p −= lr·√c₂/c₁ · m / (√v + ε·√c₂), the same as lr·m̂/(√v̂ + ε).
 */
public final class Adam {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;

    private final List<NDArray> params;
    private final List<NDArray> m = new ArrayList<>();
    private final List<NDArray> v = new ArrayList<>();
    private int t;
    /** The compiled update ({@code AdamStep.torchscript}), made on first use. */
    private ScriptModule fused;

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
     * parameter; null = those autograd left on the parameters, which are then zeroed). Given gradients are left as
     * they are (they may be inference tensors, which libtorch does not let us change).
     */
    public void update(double lr, double wd, NDArray decayMask, float gradientScale, List<NDArray> gradients) {
        update(lr, wd, decayMask, gradientScale, gradients, null);
    }

    /**
     * As {@link #update(double, double, NDArray, float, List)}, with the step size multiplied entry by entry by
     * {@code rates} (one array per parameter, same shapes; null = 1 everywhere): parameter groups that share one
     * flat vector but want their own learning rate.
     */
    public void update(double lr, double wd, NDArray decayMask, float gradientScale, List<NDArray> gradients,
                       List<NDArray> rates) {
        if (fused == null) {
            fused = ScriptModule.fromResource(Adam.class, "AdamStep.torchscript", "AdamStep");
        }
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double[] reals = {gradientScale, wd, BETA1, BETA2, lr * Math.sqrt(c2) / c1, EPS * Math.sqrt(c2)};
        boolean[] flags = {decayMask != null, gradients == null, rates != null};
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i);
            NDArray g = gradients == null ? p.getGradient() : gradients.get(i);
            // without a mask (or rates) the script's argument is not read; any tensor fills the slot
            fused.run("forward", m.get(i).getManager(), p, g, m.get(i), v.get(i), decayMask == null ? g : decayMask,
                    rates == null ? g : rates.get(i), flags, reals);
        }
    }

    /** Releases the compiled update, if one was made (the moments belong to the manager given at construction). */
    public void close() {
        if (fused != null) {
            fused.close();
            fused = null;
        }
    }

    /** Updates so far. */
    public int steps() {
        return t;
    }
}
