package org.mtlworkbench.model.coalescent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * Domain-adaptation variant (ALGORITHMS.md §3.3 DA): the task weight vectors are the leaves and diffuse down the
 * tree with covariance Λ. The weights are integrated out exactly ({@link TreePosterior}); the objective is the
 * negative log posterior of (tree, Λ, noise): −log p(Y | tree, Λ, σ) − log p(tree) − log p(Λ). Per iteration:
 * <ol>
 *   <li>tree: greedy on each task's <em>likelihood message</em> N(ŵ_k, (XᵀX/σ²)⁻¹) (the data's own evidence about
 *       w_k, regularised only by the broad root prior), not on the posterior, which is already shrunk towards the
 *       current tree's cavity prior and would keep a wrong topology; kept if its marginal likelihood × Kingman
 *       prior is at least the current tree's;</li>
 *   <li>E-step: exact posterior of all node values given the tree (linear-Gaussian) or its Laplace approximation
 *       (logistic: the likelihood re-expanded at the joint mode until it stops moving);</li>
 *   <li>M-step: Λ as the inverse-Wishart posterior mode from this iteration's expected branch increments, and the
 *       per-task noise variances.</li>
 * </ol>
 * For linear-Gaussian tasks the tree step never lowers the objective and the E/M steps are exact EM, so the
 * objective never goes up.
 */
final class DomainAdaptationEm extends CoalescentEm {

    private final LeafPosterior[] q;
    private Diffusion lambda;
    private TreePosterior posterior;

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
        chooseTree(evidence());
        posterior = infer(tree);
        lambda = Diffusion.posteriorMode(posterior.scatter(), posterior.termCount(), cfg.diffusionPrior(),
                cfg.structure());
        setLeaves(posterior);
        updateNoise(q);
        posterior = infer(tree);
        setLeaves(posterior);
        return objective();
    }

    /** Each task's likelihood message: exact (linear) or expanded at the current posterior mean (logistic). */
    private LeafEvidence[] evidence() {
        LeafEvidence[] e = new LeafEvidence[k];
        for (int i = 0; i < k; i++) {
            TaskData t = tasks.get(i);
            e[i] = classification ? LeafEvidence.logistic(t, q[i].mean()) : LeafEvidence.linear(t, noiseVar[i]);
        }
        return e;
    }

    private void chooseTree(LeafEvidence[] ev) {
        double[] vars = new double[k];
        double[][] points = TreePosterior.whitenedEvidence(lambda, ev, cfg.rootVariance(), vars);
        // The leaf's uncertainty enters as its expected squared distance (tr(Λ⁻¹V̂) added to q), not as message
        // variance in s: with the variance in s the optimal merge time is 0 whenever a task's estimate is as
        // uncertain as a Kingman waiting time 1/C(n, 2), so noisy tasks all merged at height 0 (pooling).
        double[] traces = new double[k];
        for (int i = 0; i < k; i++) {
            traces[i] = vars[i] * d;
        }
        CoalescentTree candidate = GreedyCoalescent.build(points, traces);
        if (tree == null) {
            tree = candidate;
            treeChange = 0;
            return;
        }
        double now = new TreePosterior(tree, lambda, cfg.rootVariance(), ev).logMarginal() + tree.kingmanLogPrior();
        double next = new TreePosterior(candidate, lambda, cfg.rootVariance(), ev).logMarginal()
                + candidate.kingmanLogPrior();
        if (next >= now) {
            treeChange = candidate.robinsonFoulds(tree);
            tree = candidate;
        } else {
            treeChange = 0;
        }
    }

    /** The posterior given the tree; for logistic tasks the expansion point follows the mode (at most 20 times). */
    private TreePosterior infer(CoalescentTree t) {
        TreePosterior p = new TreePosterior(t, lambda, cfg.rootVariance(), evidence());
        for (int round = 0; classification && round < 20; round++) {
            double change = 0;
            for (int i = 0; i < k; i++) {
                double[] m = p.mean(i);
                for (int j = 0; j < d; j++) {
                    change = Math.max(change, Math.abs(m[j] - q[i].mean()[j]));
                }
            }
            setLeaves(p);
            if (change < 1e-8) {
                break;
            }
            p = new TreePosterior(t, lambda, cfg.rootVariance(), evidence());
        }
        return p;
    }

    private void setLeaves(TreePosterior p) {
        for (int i = 0; i < k; i++) {
            q[i] = new LeafPosterior(p.mean(i), p.cov(i), 0);
        }
    }

    /** Negative log posterior of (tree, Λ, σ) with the weights integrated out, and its parts. */
    Map<String, Double> objective() {
        double marginal = posterior.logMarginal();
        double kingman = tree.kingmanLogPrior();
        double prior = lambda.logInverseWishartPrior(cfg.diffusionPrior());
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(classification ? "negative log posterior (Laplace)" : "negative log posterior", -(marginal + kingman
                + prior));
        m.put("data given tree (−log p(Y | tree, Λ))", -marginal);
        m.put("coalescent prior (−log p(tree))", -kingman);
        m.put("Λ prior (−log IW)", -prior);
        return m;
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
