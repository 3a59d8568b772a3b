package org.mtlworkbench.model.coalescent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;

/**
 * The EM loop shared by both variants: initialise, then per iteration rebuild the tree on the current leaves, pass
 * messages, update the leaves and the global covariances, compute the objective, report, and stop once the
 * objective changes by less than the tolerance.
 */
abstract class CoalescentEm {

    final List<TaskData> tasks;
    final CoalescentSettings cfg;
    final List<String> taskNames;
    final List<String> coordinateNames;
    final boolean classification;
    final int k;
    final int d;
    final double[] noiseVar;
    CoalescentTree tree;
    /** Robinson–Foulds distance between this iteration's tree and the previous one. */
    int treeChange;

    CoalescentEm(MultiTaskDataset train, CoalescentSettings cfg) {
        this.cfg = cfg;
        this.tasks = TaskData.of(train, cfg.intercept(), cfg.scaleTargets());
        this.taskNames = train.taskNames();
        List<String> names = new ArrayList<>(train.featureNames());
        if (cfg.intercept()) {
            names.add("(intercept)");
        }
        this.coordinateNames = List.copyOf(names);
        this.classification = train.isClassification();
        this.k = tasks.size();
        this.d = coordinateNames.size();
        this.noiseVar = new double[k];
        double fixed = cfg.noiseSd() * cfg.noiseSd();
        java.util.Arrays.fill(noiseVar, fixed > 0 ? fixed : 1);
    }

    FittedModel run(FitContext ctx) {
        initialise();
        double previous = Double.NaN;
        for (int it = 1; it <= cfg.maxIterations(); it++) {
            ctx.checkCancelled();
            Map<String, Double> losses = iterate();
            double total = losses.values().iterator().next();
            if (!Double.isFinite(total)) {
                throw new FitFailedException("the objective became " + total + " at iteration " + it);
            }
            ctx.report(new ModelSnapshot(it, losses, scalars(), views(), fitted()));
            if (Math.abs(previous - total) <= cfg.tolerance() * (1 + Math.abs(total))) {
                break;
            }
            previous = total;
        }
        return fitted();
    }

    abstract void initialise();

    /** One EM iteration; returns the loss terms, the total (minimised) first. */
    abstract Map<String, Double> iterate();

    abstract CoalescentFitted fitted();

    abstract List<RelatednessView> views();

    Map<String, Double> scalars() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("root height", tree.height(tree.root()));
        s.put("tree change (Robinson–Foulds)", (double) treeChange);
        if (!classification) {
            double sum = 0;
            for (double v : noiseVar) {
                sum += Math.sqrt(v);
            }
            s.put("mean noise sd (scaled units)", sum / k);
        }
        return s;
    }

    /**
     * The greedy tree on the current leaves, kept only when it scores at least as well as the current tree on the
     * tree-dependent terms of the objective (expected diffusion log density + Kingman prior), so the tree step never
     * lowers the objective.
     */
    void chooseTree(double[][] leaves, double[][][] leafCov, Diffusion diffusion) {
        double[][] whitened = new double[k][];
        double[] traces = new double[k];
        for (int i = 0; i < k; i++) {
            whitened[i] = diffusion.whiten(leaves[i]);
            traces[i] = leafCov == null ? 0 : diffusion.traceInverseTimes(leafCov[i]);
        }
        CoalescentTree candidate = GreedyCoalescent.build(whitened, traces);
        if (tree == null) {
            tree = candidate;
            treeChange = 0;
            return;
        }
        double now = treeTerms(tree, leaves, traces, diffusion);
        double next = treeTerms(candidate, leaves, traces, diffusion);
        if (next >= now) {
            treeChange = candidate.robinsonFoulds(tree);
            tree = candidate;
        } else {
            treeChange = 0;
        }
    }

    double treeTerms(CoalescentTree t, double[][] leaves, double[] traces, Diffusion diffusion) {
        return new TreeMessages(t, leaves, cfg.rootVariance()).expectedLogDensity(diffusion, traces)
                + t.kingmanLogPrior();
    }

    static double[] traces(Diffusion diffusion, double[][][] cov) {
        double[] t = new double[cov.length];
        for (int i = 0; i < cov.length; i++) {
            t[i] = diffusion.traceInverseTimes(cov[i]);
        }
        return t;
    }

    /** The noise M-step σ² = E‖y − Xw‖² / n (regression with a learned noise level only). */
    void updateNoise(LeafPosterior[] q) {
        if (classification || cfg.noiseSd() > 0) {
            return;
        }
        for (int i = 0; i < k; i++) {
            TaskData t = tasks.get(i);
            if (t.size() > 0) {
                noiseVar[i] = Math.max(LeafPosterior.expectedResidual(t, q[i].mean(), q[i].cov()) / t.size(), 1e-8);
            }
        }
    }

    LeafPosterior fitLeaf(int task, double[] priorMean, double[][] priorPrecision, double[] start) {
        TaskData t = tasks.get(task);
        return classification ? LeafPosterior.logistic(t, priorMean, priorPrecision, start)
                : LeafPosterior.linear(t, priorMean, priorPrecision, noiseVar[task]);
    }

    List<RelatednessView> treeViews() {
        List<RelatednessView> v = new ArrayList<>();
        v.add(tree.toTaskTree("coalescent tree (height = merge time above the tasks)", taskNames));
        v.add(tree.copheneticSimilarity("cophenetic similarity (1 − merge height / root height)", taskNames));
        return v;
    }

    /** A feature × feature matrix shown as a heatmap; the TaskMatrix labels are coordinate (feature) names. */
    TaskMatrix featureMatrix(String title, double[][] m) {
        return new TaskMatrix(title, coordinateNames, m, true);
    }

    static double[][] correlation(double[][] c) {
        int n = c.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                r[i][j] = c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
            }
        }
        return r;
    }
}
