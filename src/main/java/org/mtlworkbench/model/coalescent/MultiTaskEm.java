package org.mtlworkbench.model.coalescent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * Multi-task variant (ALGORITHMS.md §3.3 MTL): w_k ~ N(0, S_k R S_k) with S_k = diag(exp(s_k)) (not exp of a
 * diagonal matrix, the reference library's bug), R a global correlation matrix, and the log standard deviations s_k
 * the leaves of the tree, diffusing with covariance L. Per iteration:
 * <ol>
 *   <li>tree: greedy on the s_k (with their Laplace uncertainty), kept if it scores better;</li>
 *   <li>L: inverse-Wishart posterior mode from this iteration's expected normalised contrasts;</li>
 *   <li>per task: the cavity prior N(μ_−k, τ_k L) of s_k, then {@link LogStdStep} (branch length included), then
 *       q(w_k) under N(0, S_k R S_k);</li>
 *   <li>R: the correlation of the inverse-Wishart IW(d + 1, I) posterior mode given E[z zᵀ], z = e^(−s_k) ∘ w_k,
 *       from this iteration's statistics only; the data's scale (1 + S_jj)/K moves into the s_k (s_k += ½ log of
 *       it), so the prior shapes the correlations but does not shrink the scales;</li>
 *   <li>noise variances (regression, when learned).</li>
 * </ol>
 * The objective is a Laplace-approximate negative ELBO (s_k enter at their modes, with a Gaussian entropy).
 */
final class MultiTaskEm extends CoalescentEm {

    private final LeafPosterior[] q;
    private final double[][] s;
    private final double[][][] sCov;
    private double[][] r;
    private double[][] rInverse;
    private double rLogDet;
    private Diffusion l;

    MultiTaskEm(MultiTaskDataset train, CoalescentSettings cfg) {
        super(train, cfg);
        q = new LeafPosterior[k];
        s = new double[k][];
        sCov = new double[k][][];
    }

    @Override
    void initialise() {
        setR(Dense.identity(d, 1));
        double[][] unit = Dense.identity(d, 1);
        for (int i = 0; i < k; i++) {
            q[i] = fitLeaf(i, new double[d], unit, new double[d]);
        }
        updateNoise(q);
        // Start each s_k where its own likelihood term peaks for R = I: s = ½ log E[w²].
        double[] centre = new double[d];
        for (int i = 0; i < k; i++) {
            double[][] m = secondMoment(q[i]);
            s[i] = new double[d];
            for (int j = 0; j < d; j++) {
                s[i][j] = 0.5 * Math.log(Math.max(m[j][j], 1e-6));
                centre[j] += s[i][j] / k;
            }
            sCov[i] = Dense.identity(d, 0.1);
        }
        double[][] scatter = new double[d][d];
        for (double[] si : s) {
            double[] e = si.clone();
            for (int j = 0; j < d; j++) {
                e[j] -= centre[j];
            }
            Dense.addOuter(scatter, e, 1);
        }
        l = Diffusion.posteriorMode(scatter, k, cfg.diffusionPrior(), cfg.structure());
    }

    @Override
    Map<String, Double> iterate() {
        chooseTree(s, sCov, l);
        l = Diffusion.posteriorMode(new TreeMessages(tree, s, cfg.rootVariance()).scatter(sCov), k,
                cfg.diffusionPrior(), cfg.structure());
        double[][] lInverse = l.inverse();
        for (int i = 0; i < k; i++) {
            TreeMessages msgs = new TreeMessages(tree, s, cfg.rootVariance());
            double tau = msgs.cavityVariance(i);
            double[][] precision = Dense.copy(lInverse);
            for (double[] row : precision) {
                for (int j = 0; j < d; j++) {
                    row[j] /= tau;
                }
            }
            LogStdStep step = LogStdStep.maximise(s[i], secondMoment(q[i]), rInverse, msgs.cavityMean(i),
                    precision);
            s[i] = step.s();
            sCov[i] = step.cov();
            q[i] = fitLeaf(i, new double[d], priorPrecision(s[i]), q[i].mean());
        }
        updateR();
        updateNoise(q);
        return objective();
    }

    /** (S R S)⁻¹ = S⁻¹ R⁻¹ S⁻¹. */
    private double[][] priorPrecision(double[] si) {
        double[][] p = new double[d][d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                p[a][b] = rInverse[a][b] * Math.exp(-si[a] - si[b]);
            }
        }
        return p;
    }

    private void updateR() {
        double[][] scatter = new double[d][d];
        for (int i = 0; i < k; i++) {
            double[][] m = secondMoment(q[i]);
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    scatter[a][b] += m[a][b] * Math.exp(-s[i][a] - s[i][b]);
                }
            }
        }
        double[][] full = Diffusion.posteriorMode(scatter, k, 1.0).matrix();
        // The prior shapes only the correlations; the scale moved into the s_k is the data's, (1 + S_jj)/K. Moving
        // the IW mode's diagonal (1 + S_jj)/(ν + K + d + 1) instead shrank every prior sd by about √2 per
        // iteration when K ≈ 2d, which is what drove the log-stds down (ARD-like) in the first version.
        double[] shift = new double[d];
        for (int j = 0; j < d; j++) {
            shift[j] = 0.5 * Math.log((1 + scatter[j][j]) / k);
        }
        for (double[] si : s) {
            for (int j = 0; j < d; j++) {
                si[j] += shift[j];
            }
        }
        setR(correlation(full));
    }

    private void setR(double[][] corr) {
        r = Dense.symmetrize(corr);
        double[][] chol = Dense.cholesky(r);
        rInverse = Dense.inverse(chol);
        rLogDet = Dense.logDet(chol);
    }

    private static double[][] secondMoment(LeafPosterior p) {
        double[][] m = p.cov();
        Dense.addOuter(m, p.mean(), 1);
        return m;
    }

    /** Laplace-approximate negative ELBO and its parts. */
    Map<String, Double> objective() {
        double lik = 0;
        double weightPrior = 0;
        double entropy = 0;
        for (int i = 0; i < k; i++) {
            lik += classification ? q[i].expectedLogLik()
                    : LeafPosterior.expectedLinearLogLik(tasks.get(i), q[i].mean(), q[i].cov(), noiseVar[i]);
            double[][] m = secondMoment(q[i]);
            double quad = 0;
            double sumS = 0;
            for (int a = 0; a < d; a++) {
                sumS += s[i][a];
                for (int b = 0; b < d; b++) {
                    quad += rInverse[a][b] * m[a][b] * Math.exp(-s[i][a] - s[i][b]);
                }
            }
            weightPrior += -0.5 * d * Math.log(2 * Math.PI) - sumS - 0.5 * rLogDet - 0.5 * quad;
            entropy += q[i].entropy()
                    + 0.5 * (d * Math.log(2 * Math.PI * Math.E) + Dense.logDet(Dense.cholesky(sCov[i])));
        }
        double diffusion = new TreeMessages(tree, s, cfg.rootVariance()).expectedLogDensity(l, traces(l, sCov));
        double kingman = tree.kingmanLogPrior();
        double prior = l.logInverseWishartPrior(cfg.diffusionPrior());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("negative ELBO (Laplace)", -(lik + weightPrior + entropy + diffusion + kingman + prior));
        out.put("data (−E log-likelihood)", -lik);
        out.put("weights given log-stds (−E log N(w; 0, SRS))", -weightPrior);
        out.put("log-stds on the tree (−E log p(s | tree, L))", -diffusion);
        out.put("coalescent prior (−log p(tree))", -kingman);
        out.put("L prior (−log IW)", -prior);
        out.put("−entropy of q", -entropy);
        return out;
    }

    double[][] r() {
        return Dense.copy(r);
    }

    double[] logStd(int task) {
        return s[task].clone();
    }

    @Override
    CoalescentFitted fitted() {
        return new CoalescentFitted(tasks, q, noiseVar, classification, views());
    }

    @Override
    List<RelatednessView> views() {
        List<RelatednessView> v = treeViews();
        v.add(featureMatrix("global weight correlation R (feature × feature)", r));
        double[][] sd = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                sd[i][j] = Math.exp(s[i][j]);
            }
        }
        v.add(new AllocationMatrix("prior standard deviations exp(s_k) (task × feature)", taskNames,
                coordinateNames, sd));
        return v;
    }
}
