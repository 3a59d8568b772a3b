package org.mtlworkbench.model.coalescent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * Domain-adaptation variant (ALGORITHMS.md §3.3 DA): the task weight vectors are the leaves and diffuse down the
 * tree with covariance Λ. Variational EM with q(W) = Π_k N(m_k, V_k):
 * <ol>
 *   <li>tree: greedy on the means (with each leaf's uncertainty tr(Λ⁻¹V_k)), kept if it scores better;</li>
 *   <li>Λ: inverse-Wishart posterior mode from the expected normalised contrasts of this iteration;</li>
 *   <li>leaves, one at a time: the cavity prior N(μ_−k, τ_k Λ) from the current messages, then the exact
 *       (linear) or Laplace (logistic) posterior of w_k under it;</li>
 *   <li>noise variances (regression, when learned).</li>
 * </ol>
 * The objective is the negative ELBO; for linear-Gaussian tasks every step above maximises the ELBO over its block,
 * so it never goes up.
 */
final class DomainAdaptationEm extends CoalescentEm {

    private final LeafPosterior[] q;
    private Diffusion lambda;

    DomainAdaptationEm(MultiTaskDataset train, CoalescentSettings cfg) {
        super(train, cfg);
        q = new LeafPosterior[k];
    }

    @Override
    void initialise() {
        // Independent fits under N(0, I), then the noise and a Λ from their spread, to build the first tree.
        double[][] unit = Dense.identity(d, 1);
        for (int i = 0; i < k; i++) {
            q[i] = fitLeaf(i, new double[d], unit, new double[d]);
        }
        updateNoise(q);
        double[] centre = new double[d];
        for (LeafPosterior p : q) {
            for (int j = 0; j < d; j++) {
                centre[j] += p.mean()[j] / k;
            }
        }
        double[][] scatter = new double[d][d];
        for (LeafPosterior p : q) {
            double[] e = p.mean().clone();
            for (int j = 0; j < d; j++) {
                e[j] -= centre[j];
            }
            Dense.addOuter(scatter, e, 1);
        }
        lambda = Diffusion.posteriorMode(scatter, k, cfg.diffusionPrior(), cfg.structure());
    }

    @Override
    Map<String, Double> iterate() {
        double[][] means = means();
        double[][][] covs = covariances();
        chooseTree(means, covs, lambda);
        lambda = Diffusion.posteriorMode(new TreeMessages(tree, means, cfg.rootVariance()).scatter(covs), k,
                cfg.diffusionPrior(), cfg.structure());
        double[][] lambdaInv = lambda.inverse();
        for (int i = 0; i < k; i++) {
            TreeMessages msgs = new TreeMessages(tree, means, cfg.rootVariance());
            double tau = msgs.cavityVariance(i);
            double[][] precision = Dense.copy(lambdaInv);
            for (double[] row : precision) {
                for (int j = 0; j < d; j++) {
                    row[j] /= tau;
                }
            }
            q[i] = fitLeaf(i, msgs.cavityMean(i), precision, q[i].mean());
            means[i] = q[i].mean();
        }
        updateNoise(q);
        return objective();
    }

    /** Negative ELBO and its parts. */
    Map<String, Double> objective() {
        double[][] means = means();
        double[][][] covs = covariances();
        double lik = 0;
        double entropy = 0;
        for (int i = 0; i < k; i++) {
            lik += classification ? q[i].expectedLogLik()
                    : LeafPosterior.expectedLinearLogLik(tasks.get(i), q[i].mean(), q[i].cov(), noiseVar[i]);
            entropy += q[i].entropy();
        }
        double diffusion = new TreeMessages(tree, means, cfg.rootVariance()).expectedLogDensity(lambda,
                traces(lambda, covs));
        double kingman = tree.kingmanLogPrior();
        double prior = lambda.logInverseWishartPrior(cfg.diffusionPrior());
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("negative ELBO", -(lik + entropy + diffusion + kingman + prior));
        m.put("data (−E log-likelihood)", -lik);
        m.put("weights on the tree (−E log p(W | tree, Λ))", -diffusion);
        m.put("coalescent prior (−log p(tree))", -kingman);
        m.put("Λ prior (−log IW)", -prior);
        m.put("−entropy of q(W)", -entropy);
        return m;
    }

    private double[][] means() {
        double[][] m = new double[k][];
        for (int i = 0; i < k; i++) {
            m[i] = q[i].mean();
        }
        return m;
    }

    private double[][][] covariances() {
        double[][][] c = new double[k][][];
        for (int i = 0; i < k; i++) {
            c[i] = q[i].cov();
        }
        return c;
    }

    Diffusion lambda() {
        return lambda;
    }

    @Override
    CoalescentFitted fitted() {
        return new CoalescentFitted(tasks, q, noiseVar, classification, views());
    }

    @Override
    List<RelatednessView> views() {
        List<RelatednessView> v = treeViews();
        v.add(featureMatrix("diffusion covariance Λ as a correlation (feature × feature)",
                correlation(lambda.matrix())));
        return v;
    }
}
