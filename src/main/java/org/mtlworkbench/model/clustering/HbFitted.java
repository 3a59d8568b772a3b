package org.mtlworkbench.model.clustering;

import java.util.ArrayList;
import java.util.List;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;

/**
 * A fitted (or in-training) Bakker–Heskes model: predicts each training task by the posterior mixture
 * Σ_α z_iα μ_iαᵀ h(x) with the mixture's predictive variance plus noise, and shows the responsibilities, the
 * soft co-assignment and (gating) the gate. Immutable snapshot of the state it was made from.
 */
public final class HbFitted implements FittedModel {

    private final HbVariant variant;
    private final HbParams params;
    private final List<String> taskNames;
    private final double[][] z;
    private final double[][] gate;
    private final double[][][] mu;
    private final double[][][] cov;
    private final double yMean;
    private final double yScale;
    private final double[] taskFeatureMean;
    private final double[] taskFeatureScale;
    private final double logEvidence;

    HbFitted(HbVariant variant, HbParams params, HbPosterior post, HbData data) {
        this.variant = variant;
        this.params = params.copy();
        this.taskNames = data.taskNames;
        int n = data.tasks;
        int k = params.k;
        this.z = new double[n][];
        this.gate = new double[n][];
        this.mu = new double[n][k][];
        this.cov = new double[n][k][];
        for (int i = 0; i < n; i++) {
            z[i] = post.z[i].clone();
            gate[i] = new double[k];
            for (int a = 0; a < k; a++) {
                gate[i][a] = Math.exp(post.logPi[i][a]);
                mu[i][a] = post.mu[i][a].clone();
                cov[i][a] = post.cov[i][a].clone();
            }
        }
        this.yMean = data.yMean;
        this.yScale = data.yScale;
        this.taskFeatureMean = data.taskFeatureMean;
        this.taskFeatureScale = data.taskFeatureScale;
        this.logEvidence = post.logEvidence - data.totalRows() * Math.log(data.yScale);
    }

    @Override
    public Prediction predict(int task, double[][] x) {
        int p = params.p;
        double[] xt = new double[params.inputs];
        double[] h = new double[p];
        double[] mean = new double[x.length];
        double[] var = new double[x.length];
        double noise = params.noiseVar;
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != params.inputs - 1) {
                throw new IllegalArgumentException("row has " + x[r].length + " inputs, the model "
                        + (params.inputs - 1));
            }
            System.arraycopy(x[r], 0, xt, 0, x[r].length);
            xt[params.inputs - 1] = 1.0;
            params.features(xt, h);
            double m1 = 0;
            double m2 = 0;
            for (int a = 0; a < params.k; a++) {
                double za = z[task][a];
                if (za == 0) {
                    continue;
                }
                double f = 0;
                double quad = 0;
                double[] ma = mu[task][a];
                double[] ca = cov[task][a];
                for (int i = 0; i < p; i++) {
                    f += ma[i] * h[i];
                    double row = 0;
                    for (int j = 0; j < p; j++) {
                        row += ca[i * p + j] * h[j];
                    }
                    quad += h[i] * row;
                }
                m1 += za * f;
                m2 += za * (quad + f * f);
            }
            mean[r] = yMean + yScale * m1;
            var[r] = yScale * yScale * (Math.max(0, m2 - m1 * m1) + noise);
        }
        return new Prediction.Regression(mean, var);
    }

    @Override
    public List<RelatednessView> relatedness() {
        if (params.k == 1) {
            return List.of();
        }
        List<String> comps = componentNames();
        double[] w = clusterWeights();
        StringBuilder weights = new StringBuilder();
        for (int a = 0; a < w.length; a++) {
            weights.append(a == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.2f", w[a]));
        }
        List<RelatednessView> views = new ArrayList<>();
        views.add(new AllocationMatrix("cluster responsibilities z (task × cluster); cluster weights "
                + weights, taskNames, comps, z));
        views.add(new TaskMatrix("soft co-assignment S_ij = Σ_α z_iα z_jα", taskNames, coAssignment(), true));
        if (variant.gate) {
            views.add(new AllocationMatrix("gate q_iα = softmax(U f_i) (prior weights from task features)",
                    taskNames, comps, gate));
        }
        return views;
    }

    private List<String> componentNames() {
        List<String> comps = new ArrayList<>();
        for (int a = 0; a < params.k; a++) {
            comps.add("cluster " + (a + 1));
        }
        return comps;
    }

    /** S = Z Zᵀ: the probability that two tasks share a cluster under independent draws from their posteriors. */
    public double[][] coAssignment() {
        int n = z.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double acc = 0;
                for (int a = 0; a < params.k; a++) {
                    acc += z[i][a] * z[j][a];
                }
                s[i][j] = acc;
                s[j][i] = acc;
            }
        }
        return s;
    }

    /** Responsibilities z_iα (a copy). */
    public double[][] responsibilities() {
        double[][] c = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            c[i] = z[i].clone();
        }
        return c;
    }

    /** The most responsible cluster of every training task. */
    public int[] clusterOf() {
        int[] out = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            int best = 0;
            for (int a = 1; a < params.k; a++) {
                if (z[i][a] > z[i][best]) {
                    best = a;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** q_α (clustering) or the mean gate over the training tasks (gating). */
    public double[] clusterWeights() {
        double[] w = new double[params.k];
        for (double[] g : gate) {
            for (int a = 0; a < params.k; a++) {
                w[a] += g[a] / gate.length;
            }
        }
        return w;
    }

    /**
     * The prior cluster probabilities of a task not seen in training, from its raw task features (gating), or q
     * (every other variant; the features are then ignored).
     */
    public double[] gateFor(double[] rawTaskFeatures) {
        double[] features = variant.gate
                ? HbData.standardiseFeatures(rawTaskFeatures, taskFeatureMean, taskFeatureScale)
                : new double[] {1.0};
        double[] log = new double[params.k];
        params.logGate(features, log);
        for (int a = 0; a < log.length; a++) {
            log[a] = Math.exp(log[a]);
        }
        return log;
    }

    /** Noise standard deviation σ in the target's units. */
    public double noiseSd() {
        return Math.sqrt(params.noiseVar) * yScale;
    }

    /** log P(all training targets | hyper-parameters), in the target's units (no hyper-prior terms). */
    public double logEvidence() {
        return logEvidence;
    }

    public int clusters() {
        return params.k;
    }
}
