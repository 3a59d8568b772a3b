package org.mtlworkbench.model.baseline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ModelSnapshot;

/**
 * Type-II maximum likelihood for groups of linear units that share (α, β): MacKay's fixed-point updates
 * α ← Σγ / Σ|m|², β ← Σ(N − γ) / Σ|y − Xm|², taken in log space as a step direction. That direction has the sign
 * of the evidence gradient in each coordinate, so it is an ascent direction; a step is accepted only when the
 * summed log evidence does not decrease, otherwise it is halved (at most {@value #MAX_HALVINGS} times) and the
 * group stops when no step helps. A group also stops when log α and log β move by less than the tolerance.
 */
final class RegressionFitter {

    static final int MAX_HALVINGS = 30;

    private final int maxIterations;
    private final double tolerance;
    private final double fixedAlpha;
    private final double startAlpha;
    private final double startBeta;

    /** @param fixedAlpha α held fixed when positive; 0 = fitted */
    RegressionFitter(int maxIterations, double tolerance, double fixedAlpha) {
        this(maxIterations, tolerance, fixedAlpha, Double.NaN, Double.NaN);
    }

    /**
     * With a given starting point (NaN = the default start: α = 1, β = 1 / the pooled variance of the centred
     * targets).
     */
    RegressionFitter(int maxIterations, double tolerance, double fixedAlpha, double startAlpha, double startBeta) {
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.fixedAlpha = fixedAlpha;
        this.startAlpha = startAlpha;
        this.startBeta = startBeta;
    }

    /**
     * Fits every group and reports one snapshot per iteration.
     *
     * @param groups    unit indices that share (α, β); every unit in exactly one group
     */
    RegressionFit fit(List<String> taskNames, int[] unitOfTask, CenteredLinearTask[] units, int[][] groups,
                      boolean showsRelatedness, FitContext ctx) {
        LinearPosterior[] post = new LinearPosterior[units.length];
        double[] logAlpha = new double[groups.length];
        double[] logBeta = new double[groups.length];
        boolean[] done = new boolean[groups.length];
        for (int g = 0; g < groups.length; g++) {
            logAlpha[g] = fixedAlpha > 0 ? Math.log(fixedAlpha)
                    : Double.isNaN(startAlpha) ? 0.0 : HyperBounds.clampLog(Math.log(startAlpha), 0.0);
            logBeta[g] = HyperBounds.clampLog(Double.isNaN(startBeta) ? initialLogBeta(units, groups[g])
                    : Math.log(startBeta), 0.0);
            evaluate(units, groups[g], logAlpha[g], logBeta[g], post);
        }
        int step = 0;
        while (step < maxIterations && !allTrue(done)) {
            ctx.checkCancelled();
            for (int g = 0; g < groups.length; g++) {
                if (!done[g]) {
                    done[g] = improve(units, groups[g], logAlpha, logBeta, g, post);
                }
            }
            step++;
            RegressionFit current = new RegressionFit(taskNames, unitOfTask, units, post, showsRelatedness);
            ctx.report(snapshot(step, post, unitOfTask, current));
        }
        return new RegressionFit(taskNames, unitOfTask, units, post, showsRelatedness);
    }

    /** One MacKay step with halving for group g; true when the group has converged. */
    private boolean improve(CenteredLinearTask[] units, int[] group, double[] logAlpha, double[] logBeta, int g,
                            LinearPosterior[] post) {
        double gamma = 0;
        double weightSq = 0;
        double dof = 0;
        double residualSq = 0;
        double before = 0;
        for (int u : group) {
            LinearPosterior p = post[u];
            gamma += p.gamma();
            weightSq += p.weightSq();
            dof += units[u].evidence().effectiveRows() - p.gamma();
            residualSq += p.residualSq();
            before += p.logEvidence();
        }
        double targetA = fixedAlpha > 0 ? logAlpha[g]
                : HyperBounds.clampLog(Math.log(gamma / weightSq), logAlpha[g]);
        double targetB = HyperBounds.clampLog(Math.log(Math.max(dof, 0) / residualSq), logBeta[g]);
        double da = targetA - logAlpha[g];
        double db = targetB - logBeta[g];
        if (Math.max(Math.abs(da), Math.abs(db)) < tolerance) {
            return true;
        }
        LinearPosterior[] trial = new LinearPosterior[post.length];
        double s = 1;
        for (int h = 0; h <= MAX_HALVINGS; h++, s *= 0.5) {
            double la = logAlpha[g] + s * da;
            double lb = logBeta[g] + s * db;
            double after = evaluate(units, group, la, lb, trial);
            if (after >= before) {
                logAlpha[g] = la;
                logBeta[g] = lb;
                for (int u : group) {
                    post[u] = trial[u];
                }
                return s * Math.max(Math.abs(da), Math.abs(db)) < tolerance;
            }
        }
        return true; // no step along the MacKay direction raises the evidence: a stationary point up to rounding
    }

    private static double evaluate(CenteredLinearTask[] units, int[] group, double logAlpha, double logBeta,
                                   LinearPosterior[] out) {
        double alpha = Math.exp(logAlpha);
        double beta = Math.exp(logBeta);
        double total = 0;
        for (int u : group) {
            out[u] = units[u].evidence().at(alpha, beta);
            total += out[u].logEvidence();
        }
        return total;
    }

    /** log of the inverse of the pooled target variance: the noise precision of a model that explains nothing. */
    private static double initialLogBeta(CenteredLinearTask[] units, int[] group) {
        double n = 0;
        double ss = 0;
        for (int u : group) {
            n += units[u].evidence().effectiveRows();
            ss += units[u].evidence().targetSumOfSquares();
        }
        return n == 0 ? 0.0 : Math.log(n / ss);
    }

    private static boolean allTrue(boolean[] b) {
        for (boolean v : b) {
            if (!v) {
                return false;
            }
        }
        return true;
    }

    private static ModelSnapshot snapshot(int step, LinearPosterior[] post, int[] unitOfTask, RegressionFit current) {
        double logEvidence = 0;
        for (LinearPosterior p : post) {
            logEvidence += p.logEvidence();
        }
        double la = 0;
        double lb = 0;
        double gamma = 0;
        for (int u : unitOfTask) {
            la += Math.log10(post[u].alpha());
            lb += Math.log10(post[u].beta());
            gamma += post[u].gamma();
        }
        int t = unitOfTask.length;
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("negative log evidence", -logEvidence);
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("mean log10 α", la / t);
        scalars.put("mean log10 β", lb / t);
        scalars.put("mean effective parameters γ", gamma / t);
        return new ModelSnapshot(step, losses, scalars, current.relatedness(), current);
    }
}
