package org.mtlworkbench.model.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ModelSnapshot;

/**
 * Evidence maximisation for groups of Laplace logistic units that share α: MacKay's update α ← Σγ / Σ|w|² with
 * γ = d − α·tr_w(H⁻¹), iterated with a new MAP at each α (Newton warm-started from the last one). The update
 * ignores how the curvature W changes with α, so it is not exactly the gradient of the Laplace evidence: a step is
 * accepted only when the summed Laplace log evidence does not decrease, else halved (at most
 * {@value #MAX_HALVINGS} times); the group stops when no step helps or log α moves by less than the tolerance.
 */
final class ClassificationFitter {

    static final int MAX_HALVINGS = 8;

    private final int maxIterations;
    private final double tolerance;
    private final double fixedAlpha;

    ClassificationFitter(int maxIterations, double tolerance, double fixedAlpha) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.fixedAlpha = fixedAlpha;
    }

    ClassificationFit fit(List<String> taskNames, int classCount, int[][] taskUnits, LaplaceLogistic[] units,
                          int[][] groups, boolean showsRelatedness, FitContext ctx) {
        LaplacePosterior[] post = new LaplacePosterior[units.length];
        double[] logAlpha = new double[groups.length];
        boolean[] done = new boolean[groups.length];
        for (int g = 0; g < groups.length; g++) {
            logAlpha[g] = fixedAlpha > 0 ? Math.log(fixedAlpha) : 0.0;
            ctx.checkCancelled();
            evaluate(units, groups[g], logAlpha[g], post, post, ctx);
            done[g] = fixedAlpha > 0;
        }
        int step = 0;
        do {
            for (int g = 0; g < groups.length; g++) {
                if (!done[g]) {
                    done[g] = improve(units, groups[g], logAlpha, g, post, ctx);
                }
            }
            step++;
            ClassificationFit current = new ClassificationFit(taskNames, classCount, taskUnits, post,
                    showsRelatedness);
            ctx.report(snapshot(step, post, current));
        } while (step < maxIterations && !allTrue(done));
        return new ClassificationFit(taskNames, classCount, taskUnits, post, showsRelatedness);
    }

    private boolean improve(LaplaceLogistic[] units, int[] group, double[] logAlpha, int g, LaplacePosterior[] post,
                            FitContext ctx) {
        double gamma = 0;
        double weightSq = 0;
        double before = 0;
        for (int u : group) {
            gamma += post[u].gamma();
            weightSq += post[u].weightSq();
            before += post[u].logEvidence();
        }
        double target = HyperBounds.clampLog(Math.log(gamma / weightSq), logAlpha[g]);
        double delta = target - logAlpha[g];
        if (Math.abs(delta) < tolerance) {
            return true;
        }
        LaplacePosterior[] trial = new LaplacePosterior[post.length];
        double s = 1;
        for (int h = 0; h <= MAX_HALVINGS; h++, s *= 0.5) {
            double la = logAlpha[g] + s * delta;
            double after = evaluate(units, group, la, post, trial, ctx);
            if (after >= before) {
                logAlpha[g] = la;
                for (int u : group) {
                    post[u] = trial[u];
                }
                return Math.abs(s * delta) < tolerance;
            }
        }
        return true;
    }

    /** Fits the group's units at exp(logAlpha), warm-started from {@code warm}, into {@code out}. */
    private static double evaluate(LaplaceLogistic[] units, int[] group, double logAlpha, LaplacePosterior[] warm,
                                   LaplacePosterior[] out, FitContext ctx) {
        double alpha = Math.exp(logAlpha);
        double total = 0;
        for (int u : group) {
            ctx.checkCancelled();
            out[u] = units[u].fit(alpha, warm[u]);
            total += out[u].logEvidence();
        }
        return total;
    }

    private static boolean allTrue(boolean[] b) {
        for (boolean v : b) {
            if (!v) {
                return false;
            }
        }
        return true;
    }

    private static ModelSnapshot snapshot(int step, LaplacePosterior[] post, ClassificationFit current) {
        double logEvidence = 0;
        double la = 0;
        double gamma = 0;
        for (LaplacePosterior p : post) {
            logEvidence += p.logEvidence();
            la += Math.log10(p.alpha());
            gamma += p.gamma();
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("negative log evidence", -logEvidence);
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("mean log10 α", la / post.length);
        scalars.put("mean effective parameters γ", gamma / post.length);
        return new ModelSnapshot(step, losses, scalars, current.relatedness(), current);
    }
}
