package org.mtlworkbench.model.vmtl;

import java.util.List;
import java.util.SplittableRandom;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;

/**
 * A VMTL fit on the JVM: predictions are the Monte Carlo average (1/S) Σ_s p(y | z_s, w_s) over samples of the
 * task's q(z|x) and q(w_t), computed in double precision from a copy of the parameters. Deterministic: the same
 * rows give the same prediction (the samples are seeded by the fit's seed and the task).
 */
final class VmtlPredictor implements FittedModel {

    static final String ALPHA_TITLE =
            "mixing weights α (classifier prior; row: task, column: the task it borrows from)";
    static final String BETA_TITLE =
            "mixing weights β (representation prior; row: task, column: the task it borrows from)";
    static final String SCALES_TITLE = "precision 1/σ₀² of the null component per classifier input, learned by all "
            + "tasks together (large = the tasks agree it does not matter; compare on a log scale); weight norms per task";

    private final VmtlWeights w;
    private final List<String> taskNames;
    private final int samples;
    private final double minStd;
    private final double minStdZ;
    private final double tau;
    private final double targetMean;
    private final double targetSd;
    private final long seed;
    /** Per task and class, added to every logit sample (undoes a class-balanced likelihood), or null. */
    private final double[][] logitShift;
    /** The null component's σ₀ per classifier input, learned by the tasks together (decision 0039), or null. */
    private final GroupSparsity inputScales;

    VmtlPredictor(VmtlWeights weights, List<String> taskNames, int samples, double minStd, double minStdZ, double tau,
                  double targetMean, double targetSd, long seed, double[][] logitShift, GroupSparsity inputScales) {
        this.w = weights;
        this.taskNames = List.copyOf(taskNames);
        this.samples = samples;
        this.minStd = minStd;
        this.minStdZ = minStdZ;
        this.tau = tau;
        this.targetMean = targetMean;
        this.targetSd = targetSd;
        this.seed = seed;
        this.logitShift = logitShift;
        this.inputScales = inputScales;
    }

    VmtlWeights weights() {
        return w;
    }

    double tau() {
        return tau;
    }

    @Override
    public Prediction predict(int task, double[][] x) {
        VmtlShape s = w.shape();
        if (task < 0 || task >= s.tasks()) {
            throw new IndexOutOfBoundsException("task " + task + " of " + s.tasks());
        }
        int l = s.latent();
        int c = s.outputs();
        int rowsW = s.classifierRows();
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + task);
        // one classifier sample per MC sample, shared by the rows (as in training: one w per z sample)
        double[][] wSamples = new double[samples][rowsW * c];
        int off = task * rowsW * c;
        for (int k = 0; k < samples; k++) {
            for (int i = 0; i < rowsW * c; i++) {
                double sd = Math.exp(LogStd.capped(w.wLogStd()[off + i])) + minStd;
                wSamples[k][i] = w.wMean()[off + i] + sd * rng.nextGaussian();
            }
        }
        double[][] probs = s.regression() ? null : new double[x.length][c];
        double[] mean = s.regression() ? new double[x.length] : null;
        double[] var = s.regression() ? new double[x.length] : null;
        double noiseSd = Math.exp(LogStd.noise(w.noiseLogStd()[task]));
        double[] mu = new double[l];
        double[] sdz = new double[l];
        double[] z = new double[l];
        double[] out = new double[c];
        for (int r = 0; r < x.length; r++) {
            encode(task, x[r], mu, sdz);
            double sum = 0;
            double sumSq = 0;
            for (int k = 0; k < samples; k++) {
                for (int j = 0; j < l; j++) {
                    z[j] = mu[j] + sdz[j] * rng.nextGaussian();
                }
                double[] ws = wSamples[k];
                for (int o = 0; o < c; o++) {
                    double a = ws[(rowsW - 1) * c + o]; // the bias row comes last
                    for (int j = 0; j < l; j++) {
                        a += z[j] * ws[j * c + o];
                    }
                    if (s.classifierSkip()) { // rows l … l+D−1 weigh the inputs themselves
                        for (int i = 0; i < s.inputs(); i++) {
                            a += x[r][i] * ws[(l + i) * c + o];
                        }
                    }
                    out[o] = logitShift == null ? a : a + logitShift[task][o];
                }
                if (s.regression()) {
                    sum += out[0];
                    sumSq += out[0] * out[0];
                } else {
                    addSoftmax(out, probs[r], 1.0 / samples);
                }
            }
            if (s.regression()) {
                double m = sum / samples;
                double v = Math.max(0, sumSq / samples - m * m) + noiseSd * noiseSd;
                mean[r] = targetMean + targetSd * m;
                var[r] = targetSd * targetSd * v;
            }
        }
        return s.regression() ? new Prediction.Regression(mean, var) : new Prediction.Classification(probs);
    }

    /** Mean and sd of q_task(z | x): the shared ELU trunk, then the task's heads. */
    private void encode(int task, double[] x, double[] mu, double[] sd) {
        VmtlShape s = w.shape();
        int d = s.inputs();
        int hN = s.hidden();
        int hi = s.headInputs();
        int l = s.latent();
        double[] h = new double[hi];
        float[] tw = w.trunkW();
        for (int j = 0; j < hN; j++) {
            h[j] = w.trunkB()[j];
        }
        for (int i = 0; i < d; i++) {
            double xi = x[i];
            if (xi == 0) {
                continue;
            }
            int base = i * hN;
            for (int j = 0; j < hN; j++) {
                h[j] += xi * tw[base + j];
            }
        }
        for (int j = 0; j < hN; j++) {
            h[j] = h[j] > 0 ? h[j] : Math.expm1(h[j]);
        }
        if (s.skip()) {
            System.arraycopy(x, 0, h, hN, d);
        }
        int off = task * hi * l;
        for (int k = 0; k < l; k++) {
            mu[k] = w.headMeanB()[task * l + k];
            sd[k] = w.headLogStdB()[task * l + k];
        }
        for (int j = 0; j < hi; j++) {
            double hj = h[j];
            int base = off + j * l;
            for (int k = 0; k < l; k++) {
                mu[k] += hj * w.headMean()[base + k];
                sd[k] += hj * w.headLogStd()[base + k];
            }
        }
        for (int k = 0; k < l; k++) {
            sd[k] = Math.exp(LogStd.capped(sd[k])) + minStdZ;
        }
    }

    private static void addSoftmax(double[] logits, double[] into, double weight) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : logits) {
            sum += Math.exp(v - max);
        }
        for (int o = 0; o < logits.length; o++) {
            into[o] += weight * Math.exp(logits[o] - max) / sum;
        }
    }

    /** α and β as the expected (noise-free) weights softmax(logits/τ) over the other tasks. */
    @Override
    public List<RelatednessView> relatedness() {
        return views(w.alphaLogitMatrix(), w.betaLogitMatrix(), taskNames, tau, inputScales);
    }

    /** The α and β views from their logits at temperature τ, then the shared input scales where there are any. */
    static List<RelatednessView> views(double[][] alphaLogits, double[][] betaLogits, List<String> taskNames,
                                       double tau, GroupSparsity inputScales) {
        List<RelatednessView> views = new java.util.ArrayList<>(List.of(
                new TaskMatrix(ALPHA_TITLE, taskNames, GumbelSoftmax.mix(alphaLogits, null, tau), false),
                new TaskMatrix(BETA_TITLE, taskNames, GumbelSoftmax.mix(betaLogits, null, tau), false)));
        if (inputScales != null) {
            views.add(inputScales);
        }
        return List.copyOf(views);
    }
}
