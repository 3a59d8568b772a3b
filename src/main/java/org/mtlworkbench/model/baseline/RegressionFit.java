package org.mtlworkbench.model.baseline;

import java.util.List;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * A fitted (or in-progress) linear baseline: task t predicts with unit {@code unitOfTask[t]} at that unit's
 * posterior. Independent: one unit per task; pooled: every task uses unit 0.
 */
final class RegressionFit implements FittedModel {

    private final List<String> taskNames;
    private final int[] unitOfTask;
    private final CenteredLinearTask[] units;
    private final LinearPosterior[] posteriors;
    private final boolean showsRelatedness;

    RegressionFit(List<String> taskNames, int[] unitOfTask, CenteredLinearTask[] units, LinearPosterior[] posteriors,
                  boolean showsRelatedness) {
        this.taskNames = taskNames;
        this.unitOfTask = unitOfTask;
        this.units = units;
        this.posteriors = posteriors.clone();
        this.showsRelatedness = showsRelatedness;
    }

    @Override
    public Prediction predict(int task, double[][] x) {
        int u = unitOfTask[task];
        double[] mean = new double[x.length];
        double[] var = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] mv = units[u].predict(posteriors[u], x[i]);
            mean[i] = mv[0];
            var[i] = mv[1];
        }
        return new Prediction.Regression(mean, var);
    }

    /** The posterior of task t's unit. */
    LinearPosterior posterior(int task) {
        return posteriors[unitOfTask[task]];
    }

    /** Task t's posterior mean weights. */
    double[] weights(int task) {
        return posterior(task).mean();
    }

    /** Task t's posterior mean intercept. */
    double intercept(int task) {
        return units[unitOfTask[task]].intercept(posterior(task));
    }

    @Override
    public List<RelatednessView> relatedness() {
        if (!showsRelatedness) {
            return List.of();
        }
        double[][] w = new double[unitOfTask.length][];
        for (int t = 0; t < w.length; t++) {
            w[t] = posterior(t).meanView();
        }
        return List.of(WeightCosine.of(taskNames, w));
    }
}
