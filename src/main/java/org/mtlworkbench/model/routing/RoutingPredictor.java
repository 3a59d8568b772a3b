package org.mtlworkbench.model.routing;

import java.util.List;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * A routing fit on the JVM: each task runs through the components its allocation's mode switches on (p &gt; 0.5,
 * else the most probable one), in double precision. Regression predictions add the task's learned noise variance.
 */
final class RoutingPredictor implements FittedModel {

    private final RoutingWeights w;
    private final List<String> taskNames;
    private final boolean[][][] mode;
    private final double targetMean;
    private final double targetSd;

    RoutingPredictor(RoutingWeights weights, List<String> taskNames, double targetMean, double targetSd) {
        this.w = weights;
        this.taskNames = List.copyOf(taskNames);
        this.mode = weights.mode();
        this.targetMean = targetMean;
        this.targetSd = targetSd;
    }

    RoutingWeights weights() {
        return w;
    }

    @Override
    public Prediction predict(int task, double[][] x) {
        RoutingShape s = w.shape();
        if (task < 0 || task >= s.tasks()) {
            throw new IndexOutOfBoundsException("task " + task + " of " + s.tasks());
        }
        double[][] probs = s.regression() ? null : new double[x.length][];
        double[] mean = s.regression() ? new double[x.length] : null;
        double[] var = s.regression() ? new double[x.length] : null;
        double noiseSd = Math.exp(w.weights()[w.layout().offset(w.layout().noiseLogSd()) + task]);
        for (int r = 0; r < x.length; r++) {
            double[] out = forward(task, x[r]);
            if (s.regression()) {
                mean[r] = targetMean + targetSd * out[0];
                var[r] = targetSd * targetSd * noiseSd * noiseSd;
            } else {
                probs[r] = softmax(out);
            }
        }
        return s.regression() ? new Prediction.Regression(mean, var) : new Prediction.Classification(probs);
    }

    /** The task's output (logits, or the standardised regression mean) for one row. */
    double[] forward(int task, double[] x) {
        RoutingShape s = w.shape();
        RoutingLayout lay = w.layout();
        float[] p = w.weights();
        int c = s.components();
        double[] h = x;
        for (int l = 0; l < s.layers(); l++) {
            int in = s.layerIn(l);
            int out = s.layerOut(l);
            int wOff = lay.offset(lay.layerWeights(l));
            int bOff = lay.offset(lay.layerBias(l));
            double[] next = new double[out];
            int active = 0;
            for (int k = 0; k < c; k++) {
                if (!mode[task][l][k]) {
                    continue;
                }
                active++;
                double[] z = new double[out];
                for (int o = 0; o < out; o++) {
                    z[o] = p[bOff + k * out + o];
                }
                for (int i = 0; i < in; i++) {
                    double hi = h[i];
                    if (hi == 0) {
                        continue;
                    }
                    int base = wOff + (i * c + k) * out;
                    for (int o = 0; o < out; o++) {
                        z[o] += hi * p[base + o];
                    }
                }
                for (int o = 0; o < out; o++) {
                    next[o] += s.activated(l) ? Math.max(0, z[o]) : z[o];
                }
            }
            for (int o = 0; o < out; o++) {
                next[o] /= active;
            }
            h = next;
        }
        if (s.head() == HeadKind.ROUTED) {
            return h;
        }
        int k = s.outputs();
        int hw = lay.offset(lay.headWeights()) + task * s.width() * k;
        int hb = lay.offset(lay.headBias()) + task * k;
        double[] out = new double[k];
        for (int o = 0; o < k; o++) {
            out[o] = p[hb + o];
        }
        for (int j = 0; j < s.width(); j++) {
            for (int o = 0; o < k; o++) {
                out[o] += h[j] * p[hw + j * k + o];
            }
        }
        return out;
    }

    private static double[] softmax(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            max = Math.max(max, a);
        }
        double sum = 0;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.exp(v[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < v.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    @Override
    public List<RelatednessView> relatedness() {
        return AllocationViews.views(w.probabilities(), taskNames);
    }
}
