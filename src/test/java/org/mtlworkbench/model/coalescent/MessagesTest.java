package org.mtlworkbench.model.coalescent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The message algebra against brute force: on 3- and 4-leaf trees the leaves are jointly Gaussian with covariance
 * C ⊗ Λ, C_kl = v₀ + h_root − h_LCA(k, l). Independent contrasts must give log N(vec W; 0, C ⊗ Λ), the downward
 * pass the exact conditionals p(w_k | w_−k), and the leaf weights of the expected log density the diagonal of C⁻¹.
 */
class MessagesTest {

    private static final int D = 3;
    private static final double ROOT_VARIANCE = 2.5;

    /** Trees as (left, right, height) merges: a cherry plus one leaf, a caterpillar, and a balanced 4-leaf tree. */
    @ParameterizedTest
    @CsvSource({
        "3, '0 1', '2 3', '0.3 1.1', 1",
        "4, '0 2 1', '3 4 5', '0.2 0.7 1.5', 2",
        "4, '0 2 4', '1 3 5', '0.4 0.9 1.3', 3",
        "4, '3 1 0', '2 4 5', '0.05 0.5 2.0', 4"})
    void messagesMatchTheJointGaussian(int k, String lefts, String rights, String heights, long seed) {
        CoalescentTree tree = new CoalescentTree(k, ints(lefts), ints(rights), doubles(heights));
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w = new double[k][];
        for (int i = 0; i < k; i++) {
            w[i] = ReferenceDemo.gaussian(rng, D, 1.3);
        }
        Diffusion lambda = new Diffusion(randomSpd(rng));
        TreeMessages msgs = new TreeMessages(tree, w, ROOT_VARIANCE);

        double[][] c = treeCovariance(tree);
        assertThat(msgs.logDensity(lambda)).isCloseTo(bruteForceLogDensity(c, lambda, w), within(1e-9));

        double[][] cInv = Dense.inverse(Dense.cholesky(c));
        for (int leaf = 0; leaf < k; leaf++) {
            // Conditional of leaf given the rest, Kronecker form: mean = −Σ_j (C⁻¹)_kj w_j / (C⁻¹)_kk, var = 1/(C⁻¹)_kk.
            double tau = 1 / cInv[leaf][leaf];
            assertThat(msgs.cavityVariance(leaf)).isCloseTo(tau, within(1e-10));
            double[] mean = new double[D];
            for (int j = 0; j < k; j++) {
                if (j != leaf) {
                    for (int a = 0; a < D; a++) {
                        mean[a] -= cInv[leaf][j] * w[j][a] * tau;
                    }
                }
            }
            double[] got = msgs.cavityMean(leaf);
            for (int a = 0; a < D; a++) {
                assertThat(got[a]).isCloseTo(mean[a], within(1e-10));
            }
            // E over an uncertain leaf adds −½ (C⁻¹)_kk tr(Λ⁻¹V_k): check with one unit trace at a time.
            double[] traces = new double[k];
            traces[leaf] = 1;
            assertThat(msgs.logDensity(lambda) - msgs.expectedLogDensity(lambda, traces))
                    .isCloseTo(0.5 * cInv[leaf][leaf], within(1e-10));
        }

        // The scatter statistic equals Wᵀ C⁻¹ W (the Λ sufficient statistic of the matrix normal).
        double[][] scatter = msgs.scatter(null);
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                double e = 0;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        e += w[i][a] * cInv[i][j] * w[j][b];
                    }
                }
                assertThat(scatter[a][b]).isCloseTo(e, within(1e-9));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"0.3, 1.0, 0.1, 0.0, 0.5", "1.2, 0.4, 0.0, 0.3, 0.3", "0.0, 0.0, 0.2, 0.2, 0.6"})
    void mergeIsTheProductOfTheMovedMessages(double vl, double vr, double hl, double hr, double h) {
        Message l = new Message(new double[] {1, -2}, vl, hl);
        Message r = new Message(new double[] {0.5, 3}, vr, hr);
        Message m = Message.merge(l, r, h);
        double a = vl + h - hl;
        double b = vr + h - hr;
        assertThat(1 / m.variance()).isCloseTo(1 / a + 1 / b, within(1e-12));
        assertThat(m.mean()[1]).isCloseTo((-2 / a + 3 / b) * m.variance(), within(1e-12));
        // Local evidence: ∫ N(x; μ_l, aΛ) N(x; μ_r, bΛ) dx = N(μ_l − μ_r; 0, (a + b)Λ), checked by quadrature in 1-D.
        Diffusion one = Diffusion.isotropic(1, 0.7);
        Message l1 = new Message(new double[] {0.4}, vl, hl);
        Message r1 = new Message(new double[] {-0.3}, vr, hr);
        double integral = 0;
        double step = 1e-3;
        for (double x = -15; x <= 15; x += step) {
            integral += normal(x, 0.4, 0.7 * a) * normal(x, -0.3, 0.7 * b) * step;
        }
        assertThat(Message.logEvidence(l1, r1, h, one)).isCloseTo(Math.log(integral), within(1e-6));
    }

    private static double normal(double x, double mean, double var) {
        return Math.exp(-(x - mean) * (x - mean) / (2 * var)) / Math.sqrt(2 * Math.PI * var);
    }

    static double[][] treeCovariance(CoalescentTree tree) {
        int k = tree.leafCount();
        double top = tree.height(tree.root());
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c[i][j] = ROOT_VARIANCE + top - tree.mergeHeight(i, j);
            }
        }
        return c;
    }

    /** log N(vec W; 0, C ⊗ Λ) through the full Kd × Kd covariance. */
    private static double bruteForceLogDensity(double[][] c, Diffusion lambda, double[][] w) {
        int k = c.length;
        double[][] l = lambda.matrix();
        double[][] big = new double[k * D][k * D];
        double[] x = new double[k * D];
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < D; a++) {
                x[i * D + a] = w[i][a];
                for (int j = 0; j < k; j++) {
                    for (int b = 0; b < D; b++) {
                        big[i * D + a][j * D + b] = c[i][j] * l[a][b];
                    }
                }
            }
        }
        double[][] chol = Dense.cholesky(big);
        double[] z = Dense.forward(chol, x);
        return -0.5 * k * D * Math.log(2 * Math.PI) - 0.5 * Dense.logDet(chol) - 0.5 * Dense.dot(z, z);
    }

    static double[][] randomSpd(SplittableRandom rng) {
        double[][] a = new double[D][D];
        for (int i = 0; i < D + 2; i++) {
            Dense.addOuter(a, ReferenceDemo.gaussian(rng, D, 1), 1);
        }
        for (int i = 0; i < D; i++) {
            a[i][i] += 0.1;
        }
        return a;
    }

    static int[] ints(String s) {
        return java.util.Arrays.stream(s.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
    }

    static double[] doubles(String s) {
        return java.util.Arrays.stream(s.trim().split(" +")).mapToDouble(Double::parseDouble).toArray();
    }
}
