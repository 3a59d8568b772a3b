package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.numeric.DjlDevices;

/** The KL terms against Monte Carlo and against hand computations of each estimator's definition. */
class GaussianKlTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = DjlDevices.engine().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static double logNormal(double x, double m, double v) {
        return -0.5 * (Math.log(2 * Math.PI * v) + (x - m) * (x - m) / v);
    }

    private static NDArray vec(NDManager m, double... v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return m.create(f, new Shape(v.length));
    }

    @Test
    void closedFormMatchesMonteCarlo() {
        double[][] cases = {{0.3, 0.5, -1.0, 2.0}, {2.0, 0.1, 0.0, 1.0}, {-1.0, 3.0, 1.0, 0.4}};
        SplittableRandom rng = new SplittableRandom(5);
        try (NDManager m = manager.newSubManager()) {
            for (double[] c : cases) {
                double closed = GaussianKl.elementwise(vec(m, c[0]), vec(m, c[1]), vec(m, c[2]), vec(m, c[3]))
                        .getFloat(0);
                int n = 400_000;
                double sum = 0;
                double sumSq = 0;
                for (int i = 0; i < n; i++) {
                    double x = c[0] + Math.sqrt(c[1]) * rng.nextGaussian();
                    double d = logNormal(x, c[0], c[1]) - logNormal(x, c[2], c[3]);
                    sum += d;
                    sumSq += d * d;
                }
                double mc = sum / n;
                double se = Math.sqrt((sumSq / n - mc * mc) / n);
                assertThat(closed).as("KL for %s", java.util.Arrays.toString(c)).isCloseTo(mc, within(4 * se + 1e-4));
            }
        }
    }

    /** One task (row) against three components of a 2-parameter Gaussian; weights w. */
    private static final double[] MU = {0.5, -0.2};
    private static final double[] VAR = {0.3, 0.8};
    private static final double[][] C_MU = {{0.0, 0.0}, {1.0, -1.0}, {2.0, 0.5}};
    private static final double[][] C_VAR = {{1.0, 1.0}, {0.5, 0.2}, {0.4, 2.0}};
    private static final double[] W = {0.2, 0.5, 0.3};

    private static double toMixture(KlEstimator e, double[] weights) {
        try (NDManager m = manager.newSubManager()) {
            NDArray mu = m.create(new float[] {(float) MU[0], (float) MU[1]}, new Shape(1, 2));
            NDArray var = m.create(new float[] {(float) VAR[0], (float) VAR[1]}, new Shape(1, 2));
            float[] cm = new float[6];
            float[] cv = new float[6];
            for (int k = 0; k < 3; k++) {
                for (int d = 0; d < 2; d++) {
                    cm[k * 2 + d] = (float) C_MU[k][d];
                    cv[k * 2 + d] = (float) C_VAR[k][d];
                }
            }
            NDArray w = m.create(new float[] {(float) weights[0], (float) weights[1], (float) weights[2]},
                    new Shape(1, 3, 1));
            return GaussianKl.toMixture(e, mu, var, m.create(cm, new Shape(1, 3, 2)), m.create(cv, new Shape(1, 3, 2)),
                    w, 1).getFloat(0);
        }
    }

    private static double kl(double[] m1, double[] v1, double[] m2, double[] v2) {
        double s = 0;
        for (int d = 0; d < m1.length; d++) {
            s += 0.5 * (Math.log(v2[d] / v1[d]) + (v1[d] + (m1[d] - m2[d]) * (m1[d] - m2[d])) / v2[d] - 1);
        }
        return s;
    }

    @Test
    void pairwiseIsTheWeightedSumOfPairwiseKlsAndOneHotGivesThePair() {
        double expected = 0;
        for (int k = 0; k < 3; k++) {
            expected += W[k] * kl(MU, VAR, C_MU[k], C_VAR[k]);
        }
        assertThat(toMixture(KlEstimator.PAIRWISE, W)).isCloseTo(expected, within(1e-4 * expected));
        for (KlEstimator e : KlEstimator.values()) {
            assertThat(toMixture(e, new double[] {0, 1, 0})).as(e.id())
                    .isCloseTo(kl(MU, VAR, C_MU[1], C_VAR[1]), within(1e-4));
        }
    }

    @Test
    void momentAndOfficialSumUseTheirGaussians() {
        double[] mean = new double[2];
        double[] mixVar = new double[2];
        double[] sumVar = new double[2];
        for (int d = 0; d < 2; d++) {
            for (int k = 0; k < 3; k++) {
                mean[d] += W[k] * C_MU[k][d];
                sumVar[d] += W[k] * W[k] * C_VAR[k][d];
            }
            double second = 0;
            for (int k = 0; k < 3; k++) {
                second += W[k] * (C_VAR[k][d] + C_MU[k][d] * C_MU[k][d]);
            }
            mixVar[d] = second - mean[d] * mean[d];
        }
        assertThat(toMixture(KlEstimator.MOMENT, W)).isCloseTo(kl(MU, VAR, mean, mixVar), within(1e-4));
        assertThat(toMixture(KlEstimator.OFFICIAL_SUM, W)).isCloseTo(kl(MU, VAR, mean, sumVar), within(1e-4));
    }

    @Test
    void pairwiseBoundsTheTrueKlToTheMixtureFromAbove() {
        SplittableRandom rng = new SplittableRandom(9);
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double[] x = {MU[0] + Math.sqrt(VAR[0]) * rng.nextGaussian(), MU[1] + Math.sqrt(VAR[1]) * rng.nextGaussian()};
            double logQ = logNormal(x[0], MU[0], VAR[0]) + logNormal(x[1], MU[1], VAR[1]);
            double mix = 0;
            for (int k = 0; k < 3; k++) {
                mix += W[k] * Math.exp(logNormal(x[0], C_MU[k][0], C_VAR[k][0]) + logNormal(x[1], C_MU[k][1], C_VAR[k][1]));
            }
            sum += logQ - Math.log(mix);
        }
        double trueKl = sum / n;
        assertThat(trueKl).isPositive();
        assertThat(toMixture(KlEstimator.PAIRWISE, W)).isGreaterThan(trueKl);
    }

    /**
     * The representation prior's pairwise KL through sufficient statistics equals the pairwise tensor's, in value and
     * in its gradients on the posterior's mean and variance and on the weights (row sums not 1, as in a slice).
     */
    @Test
    void pairwiseByStatisticsMatchesThePairwiseTensorWithGradients() {
        int t = 3;
        int b = 5;
        int l = 4;
        SplittableRandom rng = new SplittableRandom(11);
        try (NDManager m = manager.newSubManager()) {
            NDArray mean = m.create(gaussians(rng, t * b * l, 1.0, 0), new Shape(t, b, l));
            NDArray var = m.create(gaussians(rng, t * b * l, 0.3, 0), new Shape(t, b, l)).exp();
            NDArray compMean = m.create(gaussians(rng, t * b * t * l, 1.0, 0.5), new Shape(t, b, t, l));
            NDArray compSd = m.create(gaussians(rng, t * b * t * l, 0.4, -0.5), new Shape(t, b, t, l)).exp()
                    .add(0.1f);
            NDArray weights = m.create(gaussians(rng, t * t, 0.5, 0), new Shape(t, t)).exp();
            float[][] byStats = valueAndGradients(mean, var, weights, () -> GaussianKl.pairwiseByStatistics(mean, var,
                    GaussianKl.components(byComponent(compMean), byComponent(compSd.square())), weights));
            float[][] byTensor = valueAndGradients(mean, var, weights, () -> GaussianKl.toMixture(KlEstimator.PAIRWISE,
                    mean, var, compMean.transpose(0, 2, 1, 3), compSd.square().transpose(0, 2, 1, 3),
                    weights.reshape(t, t, 1, 1), 1));
            String[] what = {"KL per row", "d/d mean", "d/d variance", "d/d weights"};
            for (int k = 0; k < what.length; k++) {
                assertThat(byStats[k]).as(what[k]).hasSameSizeAs(byTensor[k]);
                for (int i = 0; i < byTensor[k].length; i++) {
                    assertThat(byStats[k][i]).as("%s [%d]", what[k], i).isCloseTo(byTensor[k][i],
                            within(1e-4f * Math.max(1f, Math.abs(byTensor[k][i]))));
                }
            }
            for (float v : byTensor[0]) {
                assertThat(v).as("a non-trivial case").isGreaterThan(0.5f);
            }
        }
    }

    /** [T, B, I, L] → [T, I, L·B], a copy. */
    private static NDArray byComponent(NDArray a) {
        Shape s = a.getShape();
        return a.transpose(0, 2, 3, 1).reshape(s.get(0), s.get(2), s.get(3) * s.get(1));
    }

    /** The KL rows, then the gradients of their sum on the mean, the variance and the weights. */
    private static float[][] valueAndGradients(NDArray mean, NDArray var, NDArray weights,
                                               java.util.function.Supplier<NDArray> kl) {
        for (NDArray a : new NDArray[] {mean, var, weights}) {
            a.setRequiresGradient(true);
        }
        return DjlDevices.collectGradients(gc -> {
            NDArray rows = kl.get();
            gc.backward(rows.sum());
            float[][] out = {rows.toFloatArray(), mean.getGradient().toFloatArray(), var.getGradient().toFloatArray(),
                weights.getGradient().toFloatArray()};
            for (NDArray a : new NDArray[] {mean, var, weights}) {
                a.getGradient().subi(a.getGradient());
            }
            return out;
        });
    }

    private static float[] gaussians(SplittableRandom rng, int n, double sd, double mean) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (mean + sd * rng.nextGaussian());
        }
        return out;
    }
}
