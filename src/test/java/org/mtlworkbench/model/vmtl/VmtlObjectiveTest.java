package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.TaskBatches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.numeric.DjlDevices;

/**
 * The whole batched loss against a brute-force computation on a tiny problem (3 tasks of 4, 5 and 3 rows, so the
 * padding mask matters): same parameters, same noise, loops over tasks, rows and samples in double precision.
 */
class VmtlObjectiveTest {

    private static final int S = 3;
    private static final int H = 3;
    private static final int L = 2;
    private static final float MIN_STD = 1e-3f;
    /** The model's bounds on log sds, written out here: log σ ≤ 4 (soft), log σ_noise ≥ log 0.01 (soft). */
    private static final double NOISE_FLOOR = Math.log(0.01);

    private static double softCap(double s) {
        return 4 - Math.log1p(Math.exp(4 - s));
    }
    private static final double TAU = 0.7;
    private static final double LAMBDA_Z = 0.6;
    private static final double[] LAMBDA_W = {0.9, 1.3, 0.4};
    private static final double DECAY = 0.5;

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = DjlDevices.engine().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    static MultiTaskDataset tinyData(boolean regression, SplittableRandom rng) {
        int[] sizes = {4, 5, 3};
        List<Task> tasks = new java.util.ArrayList<>();
        for (int t = 0; t < sizes.length; t++) {
            double[][] x = new double[sizes[t]][2];
            double[] y = new double[sizes[t]];
            for (int r = 0; r < sizes[t]; r++) {
                x[r][0] = rng.nextGaussian();
                x[r][1] = rng.nextGaussian();
                y[r] = regression ? 2 + 3 * rng.nextGaussian() : rng.nextInt(3);
            }
            tasks.add(Task.of("t" + t, x, y));
        }
        return new MultiTaskDataset("tiny", List.of("a", "b"), regression ? TargetType.REGRESSION
                : TargetType.CLASSIFICATION, regression ? List.of() : List.of("p", "q", "r"), tasks);
    }

    @ParameterizedTest
    @CsvSource({"pairwise,false,false,false,false", "moment,false,false,false,false",
        "official-sum,false,false,false,false", "pairwise,true,false,false,false", "moment,true,false,false,false",
        "pairwise,false,true,false,false", "moment,false,true,false,false", "official-sum,false,true,false,false",
        "pairwise,false,true,true,false", "moment,false,true,true,false", "pairwise,false,true,false,true",
        "moment,false,true,true,true"})
    void batchedLossEqualsBruteForce(String estimatorId, boolean regression, boolean extended, boolean learnNull,
                                     boolean sharedNull) {
        KlEstimator estimator = KlEstimator.of(estimatorId);
        SplittableRandom rng = new SplittableRandom(regression ? 17 : 4);
        MultiTaskDataset data = tinyData(regression, rng);
        int t = 3;
        int c = regression ? 1 : 3;
        // extended: also the skip path (heads read [ELU(xW + b), x]) and the classifier skip (classifiers read [z, x])
        VmtlShape shape = new VmtlShape(t, 2, H, L, c, regression, extended, extended);
        int rows = shape.classifierRows();
        try (NDManager m = manager.newSubManager()) {
            VmtlParameters p = new VmtlParameters(m, shape, 0.5, rng);
            for (NDArray a : p.all()) { // move off the symmetric initialisation
                float[] jitter = new float[(int) a.size()];
                for (int i = 0; i < jitter.length; i++) {
                    jitter[i] = (float) (0.4 * rng.nextGaussian());
                }
                a.stopGradient().addi(m.create(jitter, a.getShape()));
            }
            p.bind(m);
            TaskBatches batches = new TaskBatches(data, 0);
            TaskBatches.Batch batch = batches.next(m, rng);
            int b = batches.batchRows();
            float[] ez = gaussians(rng, S * t * b * L);
            float[] ew = gaussians(rng, S * t * rows * c);
            float[] ga = GumbelSoftmax.noise(rng, t);
            float[] gb = GumbelSoftmax.noise(rng, t);
            VmtlObjective.Noise noise = new VmtlObjective.Noise(m.create(ez, new Shape(S, t, b, L)),
                    m.create(ew, new Shape(S, t, rows, c)), m.create(concat(ga, gb), new Shape(2, t, t)));
            float[] lw = {(float) LAMBDA_W[0], (float) LAMBDA_W[1], (float) LAMBDA_W[2]};
            float[] off = {0, 1, 1, 1, 0, 1, 1, 1, 0};
            // extended: class-balanced likelihood (weights written out by hand below) and the null component
            double[][] classWeights = extended ? balancedByHand(data, c) : null;
            VmtlObjective.Extensions ext = !extended ? VmtlObjective.Extensions.NONE
                    : new VmtlObjective.Extensions(m.create(flat(classWeights), new Shape(t, c)), (float) NULL_STD,
                    learnNull, sharedNull);
            // learned σ₀: each task's own (jittered) exp(nullLogStd_t), or (shared) each input row's
            // exp(nullRowLogStd_r) for every task, replaces NULL_STD
            double[][] nullStds = new double[t][rows - 1];
            float[] nullLogStd = p.nullLogStd();
            float[] nullRowLogStd = p.nullRowLogStd();
            for (int k = 0; k < t; k++) {
                for (int r = 0; r < rows - 1; r++) {
                    nullStds[k][r] = sharedNull ? Math.exp(nullRowLogStd[r])
                            : learnNull ? Math.exp(nullLogStd[k]) : NULL_STD;
                }
            }
            VmtlObjective.Terms terms = VmtlObjective.compute(p, batch, noise, TAU, m.create(lw, new Shape(t)),
                    (float) LAMBDA_Z, estimator, MIN_STD, MIN_STD, m.create(off, new Shape(t, t)), (float) DECAY, -1,
                    ext);

            Brute brute = new Brute(p.copyToJvm(), data, batches, b, ez, ew, ga, gb, estimator, classWeights,
                    extended ? nullStds : null);
            double[] nll = terms.nll().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
            double[] klz = terms.klZ().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
            double[] klw = terms.klW().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
            double total = 0;
            for (int task = 0; task < t; task++) {
                assertThat(nll[task]).as("NLL of task %d", task).isCloseTo(brute.nll(task), within(tol(brute.nll(task))));
                assertThat(klz[task]).as("KL(z) of task %d", task).isCloseTo(brute.klZ(task), within(tol(brute.klZ(task))));
                assertThat(klw[task]).as("KL(w) of task %d", task).isCloseTo(brute.klW(task), within(tol(brute.klW(task))));
                total += brute.nll(task) + LAMBDA_Z * brute.klZ(task) + LAMBDA_W[task] * brute.klW(task)
                        + brute.logitPrior(task);
            }
            total /= t;
            assertThat((double) terms.total().getFloat()).isCloseTo(total, within(tol(total)));
        }
    }

    private static final double NULL_STD = 0.8;

    /** N_t / (C · N_tc) per task and class, by counting (1 where a class is absent). */
    static double[][] balancedByHand(MultiTaskDataset data, int c) {
        double[][] w = new double[data.taskCount()][c];
        for (int t = 0; t < w.length; t++) {
            int n = data.task(t).size();
            int[] count = new int[c];
            for (int r = 0; r < n; r++) {
                count[(int) data.task(t).y(r)]++;
            }
            for (int k = 0; k < c; k++) {
                w[t][k] = count[k] == 0 ? 1 : n / (double) (c * count[k]);
            }
        }
        return w;
    }

    static float[] flat(double[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                out[i * m[i].length + j] = (float) m[i][j];
            }
        }
        return out;
    }

    private static double tol(double v) {
        return 2e-4 * Math.max(1, Math.abs(v));
    }

    static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static float[] gaussians(SplittableRandom rng, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) rng.nextGaussian();
        }
        return out;
    }

    /** The loss terms by loops, straight from ALGORITHMS.md §5.2 and the estimators' definitions. */
    private static final class Brute {
        final VmtlWeights w;
        final MultiTaskDataset data;
        final TaskBatches batches;
        final int b;
        final float[] ez;
        final float[] ew;
        final double[][] alpha;
        final double[][] beta;
        final KlEstimator estimator;
        final VmtlShape s;
        /** Class weights [T][C] of the likelihood, or null. */
        final double[][] classWeights;
        /** σ₀ of each task's null component of the classifier prior per classifier row (bias excepted), null = none. */
        final double[][] nullStd;

        Brute(VmtlWeights w, MultiTaskDataset data, TaskBatches batches, int b, float[] ez, float[] ew, float[] ga,
              float[] gb, KlEstimator estimator, double[][] classWeights, double[][] nullStd) {
            this.classWeights = classWeights;
            this.nullStd = nullStd;
            this.w = w;
            this.data = data;
            this.batches = batches;
            this.b = b;
            this.ez = ez;
            this.ew = ew;
            this.s = w.shape();
            this.alpha = nullStd != null ? softmaxWithDiagonal(w.alphaLogitMatrix(), VmtlWeights.square(ga, s.tasks()))
                    : GumbelSoftmax.mix(w.alphaLogitMatrix(), VmtlWeights.square(ga, s.tasks()), TAU);
            this.beta = GumbelSoftmax.mix(w.betaLogitMatrix(), VmtlWeights.square(gb, s.tasks()), TAU);
            this.estimator = estimator;
        }

        /** softmax((logits + g)/τ) over every column of a row, the task's own (the null component) included. */
        static double[][] softmaxWithDiagonal(double[][] logits, double[][] g) {
            double[][] out = new double[logits.length][logits.length];
            for (int r = 0; r < logits.length; r++) {
                double sum = 0;
                for (int c = 0; c < logits.length; c++) {
                    out[r][c] = Math.exp((logits[r][c] + g[r][c]) / TAU);
                    sum += out[r][c];
                }
                for (int c = 0; c < logits.length; c++) {
                    out[r][c] /= sum;
                }
            }
            return out;
        }

        double[] trunk(double[] x) {
            double[] h = new double[s.skip() ? H + x.length : H];
            if (s.skip()) {
                System.arraycopy(x, 0, h, H, x.length);
            }
            for (int j = 0; j < H; j++) {
                double a = w.trunkB()[j];
                for (int i = 0; i < x.length; i++) {
                    a += x[i] * w.trunkW()[i * H + j];
                }
                h[j] = a > 0 ? a : Math.exp(a) - 1;
            }
            return h;
        }

        /** Mean [0] and sd [1] of head k's z for trunk output h. */
        double[][] head(int k, double[] h) {
            double[][] out = new double[2][L];
            for (int l = 0; l < L; l++) {
                double mu = w.headMeanB()[k * L + l];
                double ls = w.headLogStdB()[k * L + l];
                for (int j = 0; j < h.length; j++) {
                    mu += h[j] * w.headMean()[(k * h.length + j) * L + l];
                    ls += h[j] * w.headLogStd()[(k * h.length + j) * L + l];
                }
                out[0][l] = mu;
                out[1][l] = Math.exp(softCap(ls)) + MIN_STD;
            }
            return out;
        }

        double y(int task, int r) {
            double v = data.task(task).y(r);
            return s.regression() ? (v - batches.targetMean()) / batches.targetSd() : v;
        }

        double nll(int task) {
            Task tk = data.task(task);
            int c = s.outputs();
            double sum = 0;
            for (int r = 0; r < tk.size(); r++) {
                double[][] q = head(task, trunk(tk.x()[r]));
                int rw = s.classifierRows();
                double rowSum = 0;
                for (int smp = 0; smp < S; smp++) {
                    double[] out = new double[c];
                    for (int o = 0; o < c; o++) {
                        // the classifier's input: [z, (x with the classifier skip), 1]
                        for (int l = 0; l < rw; l++) {
                            int wi = (task * rw + l) * c + o;
                            double wv = w.wMean()[wi] + (Math.exp(softCap(w.wLogStd()[wi])) + MIN_STD)
                                    * ew[(smp * s.tasks() + task) * rw * c + l * c + o];
                            double zv = l == rw - 1 ? 1
                                    : l >= L ? tk.x()[r][l - L]
                                    : q[0][l] + q[1][l] * ez[((smp * s.tasks() + task) * b + r) * L + l];
                            out[o] += zv * wv;
                        }
                    }
                    if (s.regression()) {
                        double sd = Math.exp(softCap(NOISE_FLOOR + Math.log1p(Math.exp(w.noiseLogStd()[task] - NOISE_FLOOR))));
                        double e = (y(task, r) - out[0]) / sd;
                        rowSum += 0.5 * Math.log(2 * Math.PI) + Math.log(sd) + 0.5 * e * e;
                    } else {
                        double max = java.util.Arrays.stream(out).max().orElseThrow();
                        double z = 0;
                        for (double v : out) {
                            z += Math.exp(v - max);
                        }
                        int label = (int) y(task, r);
                        double weight = classWeights == null ? 1 : classWeights[task][label];
                        rowSum += -weight * (out[label] - max - Math.log(z));
                    }
                }
                sum += rowSum / S;
            }
            return sum;
        }

        double klZ(int task) {
            Task tk = data.task(task);
            double sum = 0;
            for (int r = 0; r < tk.size(); r++) {
                double[] h = trunk(tk.x()[r]);
                double[][] q = head(task, h);
                double[][] cm = new double[s.tasks()][];
                double[][] cv = new double[s.tasks()][];
                for (int k = 0; k < s.tasks(); k++) {
                    double[][] qk = head(k, h);
                    cm[k] = qk[0];
                    cv[k] = new double[L];
                    for (int l = 0; l < L; l++) {
                        cv[k][l] = qk[1][l] * qk[1][l];
                    }
                }
                double[] v = new double[L];
                for (int l = 0; l < L; l++) {
                    v[l] = q[1][l] * q[1][l];
                }
                sum += toMixture(q[0], v, cm, cv, beta[task]);
            }
            return sum;
        }

        double klW(int task) {
            int p = s.classifierRows() * s.outputs();
            double[][] cm = new double[s.tasks()][p];
            double[][] cv = new double[s.tasks()][p];
            for (int k = 0; k < s.tasks(); k++) {
                for (int i = 0; i < p; i++) {
                    cm[k][i] = w.wMean()[k * p + i];
                    double sd = Math.exp(softCap(w.wLogStd()[k * p + i])) + MIN_STD;
                    cv[k][i] = sd * sd;
                }
            }
            double[] own = cm[task].clone();
            double[] ownVar = cv[task].clone();
            if (nullStd != null) { // the task's own slot holds N(0, σ₀²I), weighted by α's diagonal
                java.util.Arrays.fill(cm[task], 0);
                for (int i = 0; i < p - s.outputs(); i++) { // entry i of the R×C weights is on row i / C
                    cv[task][i] = nullStd[task][i / s.outputs()] * nullStd[task][i / s.outputs()];
                }
                // except on the bias row (the last row of the R×C weights): N(0, 10²), an intercept's prior
                java.util.Arrays.fill(cv[task], p - s.outputs(), p, 100.0);
            }
            return toMixture(own, ownVar, cm, cv, alpha[task]);
        }

        double logitPrior(int task) {
            double sq = 0;
            for (int k = 0; k < s.tasks(); k++) {
                sq += Math.pow(w.alphaLogits()[task * s.tasks() + k], 2) + Math.pow(w.betaLogits()[task * s.tasks() + k], 2);
            }
            return 0.5 * DECAY * sq;
        }

        double toMixture(double[] m, double[] v, double[][] cm, double[][] cv, double[] weights) {
            int n = m.length;
            switch (estimator) {
                case PAIRWISE: {
                    double sum = 0;
                    for (int k = 0; k < cm.length; k++) {
                        sum += weights[k] * kl(m, v, cm[k], cv[k]);
                    }
                    return sum;
                }
                default: {
                    double[] mean = new double[n];
                    double[] var = new double[n];
                    for (int i = 0; i < n; i++) {
                        double second = 0;
                        for (int k = 0; k < cm.length; k++) {
                            mean[i] += weights[k] * cm[k][i];
                            second += weights[k] * (cv[k][i] + cm[k][i] * cm[k][i]);
                            var[i] += weights[k] * weights[k] * cv[k][i];
                        }
                        if (estimator == KlEstimator.MOMENT) {
                            var[i] = second - mean[i] * mean[i];
                        }
                    }
                    return kl(m, v, mean, var);
                }
            }
        }

        static double kl(double[] m1, double[] v1, double[] m2, double[] v2) {
            double s = 0;
            for (int d = 0; d < m1.length; d++) {
                s += 0.5 * (Math.log(v2[d] / v1[d]) + (v1[d] + (m1[d] - m2[d]) * (m1[d] - m2[d])) / v2[d] - 1);
            }
            return s;
        }
    }
}
