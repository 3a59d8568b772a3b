package org.mtlworkbench.model.coalescent;

import java.util.List;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * Per task a Gaussian over the weights (exact for linear-Gaussian, Laplace for logistic) given the fitted tree and
 * covariances. Regression predicts mean and variance (noise included) in the original target units;
 * classification uses the probit approximation σ(μ / √(1 + π·s²/8)) of the Laplace predictive.
 */
final class CoalescentFitted implements FittedModel {

    private final List<TaskData> tasks;
    private final LeafPosterior[] posteriors;
    private final double[] noiseVar;
    private final boolean classification;
    private final List<RelatednessView> views;

    CoalescentFitted(List<TaskData> tasks, LeafPosterior[] posteriors, double[] noiseVar, boolean classification,
                     List<RelatednessView> views) {
        this.tasks = tasks;
        this.posteriors = posteriors.clone();
        this.noiseVar = noiseVar.clone();
        this.classification = classification;
        this.views = List.copyOf(views);
    }

    @Override
    public Prediction predict(int task, double[][] x) {
        TaskData t = tasks.get(task);
        LeafPosterior q = posteriors[task];
        int n = x.length;
        double[] mean = new double[n];
        double[] var = new double[n];
        for (int i = 0; i < n; i++) {
            double[] z = TaskData.design(x[i], t.intercept);
            mean[i] = Dense.dot(q.mean(), z);
            var[i] = Math.max(Dense.quadratic(q.cov(), z), 0);
        }
        if (classification) {
            double[][] p = new double[n][];
            for (int i = 0; i < n; i++) {
                double p1 = LeafPosterior.sigmoid(mean[i] / Math.sqrt(1 + Math.PI * var[i] / 8));
                p[i] = new double[] {1 - p1, p1};
            }
            return new Prediction.Classification(p);
        }
        for (int i = 0; i < n; i++) {
            mean[i] = t.yMean + t.yScale * mean[i];
            var[i] = t.yScale * t.yScale * (var[i] + noiseVar[task]);
        }
        return new Prediction.Regression(mean, var);
    }

    @Override
    public List<RelatednessView> relatedness() {
        return views;
    }

    /** Posterior mean weights of a task in the model's coordinates (scaled targets, intercept last). */
    double[] weights(int task) {
        return posteriors[task].mean().clone();
    }
}
