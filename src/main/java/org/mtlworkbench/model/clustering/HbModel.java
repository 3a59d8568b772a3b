package org.mtlworkbench.model.clustering;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.numeric.HungarianMatching;

/**
 * Empirical Bayes for one of the four Bakker–Heskes priors: restarts screened for a few EM steps each, the one
 * with the best objective continued to convergence, every step of that run reported (loss = negative log
 * evidence plus the hyper-prior penalty; responsibilities, co-assignment and gate as views), cluster labels kept
 * aligned to the previous report by Hungarian matching.
 */
final class HbModel implements MultiTaskModel {

    static final String LOSS_TOTAL = "negative log evidence + penalty";
    static final String LOSS_EVIDENCE = "negative log evidence";
    static final String LOSS_PENALTY = "hyper-prior penalty";

    private final HbSettings settings;

    HbModel(HbSettings settings) {
        this.settings = settings;
    }

    @Override
    public HbFitted fit(MultiTaskDataset train, FitContext ctx) {
        HbData data = HbData.prepare(train, settings.variant());
        if (settings.clusters() > data.tasks) {
            throw new FitFailedException(settings.variant().id + ": " + settings.clusters()
                    + " clusters for only " + data.tasks + " tasks");
        }
        HbRun run = screenRestarts(data, ctx);
        double[][] previousZ = null;
        for (int step = 1; step <= settings.iterations(); step++) {
            ctx.checkCancelled();
            double before = run.objectiveValue();
            double gain = run.step();
            if (settings.clusters() > 1) {
                previousZ = align(run, previousZ);
            }
            report(ctx, step, run, data);
            if (gain <= settings.tolerance() * (1 + Math.abs(before))) {
                break;
            }
        }
        return new HbFitted(settings.variant(), run.params, run.posterior(), data);
    }

    private HbRun screenRestarts(HbData data, FitContext ctx) {
        HbRun best = null;
        for (int r = 0; r < settings.restarts(); r++) {
            ctx.checkCancelled();
            HbRun run = HbRun.start(data, settings, ctx.random("restart-" + r));
            if (settings.restarts() > 1) {
                for (int s = 0; s < settings.screenSteps(); s++) {
                    ctx.checkCancelled();
                    double before = run.objectiveValue();
                    if (run.step() <= settings.tolerance() * (1 + Math.abs(before))) {
                        break;
                    }
                }
            }
            if (best == null || run.objectiveValue() > best.objectiveValue()) {
                best = run;
            }
        }
        return best;
    }

    /** Keeps cluster labels where they were at the previous step (labels of a mixture are arbitrary). */
    private static double[][] align(HbRun run, double[][] previousZ) {
        double[][] z = run.posterior().z;
        if (previousZ != null) {
            int k = z[0].length;
            double[][] overlap = new double[k][k];
            for (int i = 0; i < z.length; i++) {
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < k; b++) {
                        overlap[a][b] += previousZ[i][a] * z[i][b];
                    }
                }
            }
            int[] perm = HungarianMatching.maximize(overlap);
            boolean identity = true;
            for (int a = 0; a < k; a++) {
                identity &= perm[a] == a;
            }
            if (!identity) {
                run.permute(perm);
            }
        }
        double[][] copy = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            copy[i] = run.posterior().z[i].clone();
        }
        return copy;
    }

    private void report(FitContext ctx, int step, HbRun run, HbData data) {
        HbFitted current = new HbFitted(settings.variant(), run.params, run.posterior(), data);
        HbPosterior post = run.posterior();
        double nle = -current.logEvidence();
        double penalty = -post.logHyperPrior;
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put(LOSS_TOTAL, nle + penalty);
        losses.put(LOSS_EVIDENCE, nle);
        losses.put(LOSS_PENALTY, penalty);
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("noise σ", current.noiseSd());
        if (settings.clusters() > 1) {
            double[] w = current.clusterWeights();
            for (int a = 0; a < w.length; a++) {
                scalars.put("weight of cluster " + (a + 1), w[a]);
            }
        }
        ctx.report(new ModelSnapshot(step, losses, scalars, current.relatedness(), current));
    }
}
