package org.mtlworkbench.model.coalescent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact tree posterior against brute force: all 2K − 1 node values are jointly Gaussian with covariance
 * Cov(x_i, x_j) = (v₀ + h_root − h(LCA(i, j)))·Λ, and the leaves carry Gaussian likelihoods (one task has fewer rows
 * than inputs, so its precision is singular; one tree has a zero-length branch). The marginal likelihood, the leaf
 * posteriors and the Λ statistic Σ E[δδᵀ]/b + E[x_root x_rootᵀ]/v₀ must match the (2K − 1)·d-dimensional Gaussian.
 */
class TreePosteriorTest {

    private static final int D = 3;
    private static final double V0 = 2.5;

    @ParameterizedTest
    @CsvSource({
        "3, '0 1', '2 3', '0.3 1.1', 1",
        "4, '0 2 1', '3 4 5', '0.2 0.7 1.5', 2",
        "4, '0 2 4', '1 3 5', '0.4 0.9 1.3', 3",
        "4, '3 1 0', '2 4 5', '0.0 0.5 2.0', 4"})
    void matchesTheJointGaussianOverAllNodes(int k, String lefts, String rights, String heights, long seed) {
        CoalescentTree tree = new CoalescentTree(k, MessagesTest.ints(lefts), MessagesTest.ints(rights),
                MessagesTest.doubles(heights));
        SplittableRandom rng = new SplittableRandom(seed);
        Diffusion lambda = new Diffusion(MessagesTest.randomSpd(rng));
        LeafEvidence[] ev = new LeafEvidence[k];
        for (int i = 0; i < k; i++) {
            int rows = i == 0 ? 2 : 6;
            double[][] p = new double[D][D];
            double[] h = ReferenceDemo.gaussian(rng, D, 2);
            for (int r = 0; r < rows; r++) {
                Dense.addOuter(p, ReferenceDemo.gaussian(rng, D, 1), 1.7);
            }
            ev[i] = new LeafEvidence(p, h, -0.3 * i);
        }
        TreePosterior post = new TreePosterior(tree, lambda, V0, ev);

        int nodes = tree.nodeCount();
        int n = nodes * D;
        double[][] l = lambda.matrix();
        double[][] prior = new double[n][n];
        double top = tree.height(tree.root());
        for (int i = 0; i < nodes; i++) {
            for (int j = 0; j < nodes; j++) {
                double c = V0 + top - tree.height(lca(tree, i, j));
                for (int a = 0; a < D; a++) {
                    for (int b = 0; b < D; b++) {
                        prior[i * D + a][j * D + b] = c * l[a][b];
                    }
                }
            }
        }
        // Zero-length branches make the node prior singular; a tiny ridge keeps the brute force finite.
        for (int i = 0; i < n; i++) {
            prior[i][i] += 1e-10;
        }
        double[][] cholPrior = Dense.cholesky(prior);
        double[][] precision = Dense.inverse(cholPrior);
        double[] info = new double[n];
        double logConst = 0;
        for (int leaf = 0; leaf < k; leaf++) {
            for (int a = 0; a < D; a++) {
                info[leaf * D + a] = ev[leaf].info()[a];
                for (int b = 0; b < D; b++) {
                    precision[leaf * D + a][leaf * D + b] += ev[leaf].precision()[a][b];
                }
            }
            logConst += ev[leaf].logConst();
        }
        double[][] cholPost = Dense.cholesky(precision);
        double[][] cov = Dense.inverse(cholPost);
        double[] mean = Dense.solve(cholPost, info);
        double logMarginal = logConst - 0.5 * Dense.logDet(cholPrior) - 0.5 * Dense.logDet(cholPost)
                + 0.5 * Dense.dot(info, mean);
        assertThat(post.logMarginal()).isCloseTo(logMarginal, within(1e-6));
        for (int leaf = 0; leaf < k; leaf++) {
            for (int a = 0; a < D; a++) {
                assertThat(post.mean(leaf)[a]).isCloseTo(mean[leaf * D + a], within(1e-6));
                for (int b = 0; b < D; b++) {
                    assertThat(post.cov(leaf)[a][b]).isCloseTo(cov[leaf * D + a][leaf * D + b], within(1e-6));
                }
            }
        }
        double[][] expected = new double[D][D];
        int terms = 0;
        for (int c = 0; c < nodes; c++) {
            int p = tree.parent(c);
            double scale = p < 0 ? V0 : tree.height(p) - tree.height(c);
            if (scale <= 0) {
                continue;
            }
            terms++;
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < D; b++) {
                    double e = second(mean, cov, c, a, c, b);
                    if (p >= 0) {
                        e += second(mean, cov, p, a, p, b) - second(mean, cov, c, a, p, b)
                                - second(mean, cov, p, a, c, b);
                    }
                    expected[a][b] += e / scale;
                }
            }
        }
        assertThat(post.termCount()).isEqualTo(terms);
        double[][] scatter = post.scatter();
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                assertThat(scatter[a][b]).isCloseTo(expected[a][b], within(1e-5));
            }
        }
    }

    /** E[x_i,a x_j,b] under the brute-force posterior. */
    private static double second(double[] mean, double[][] cov, int i, int a, int j, int b) {
        return cov[i * D + a][j * D + b] + mean[i * D + a] * mean[j * D + b];
    }

    private static int lca(CoalescentTree t, int i, int j) {
        Set<Integer> up = new HashSet<>();
        for (int n = i; n != -1; n = t.parent(n)) {
            up.add(n);
        }
        int n = j;
        while (!up.contains(n)) {
            n = t.parent(n);
        }
        return n;
    }
}
