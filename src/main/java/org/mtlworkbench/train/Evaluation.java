package org.mtlworkbench.train;

import java.util.List;
import java.util.Map;

/**
 * Metrics of a model on one data set (train or test rows).
 *
 * @param perTask     one entry per task that has rows
 * @param overall     the literature's convention: regression RMSE and explained variance over all rows pooled;
 *                    classification accuracy and AUC averaged over tasks (with {@code auc_tasks}); nlpd the mean
 *                    over all rows; {@code rows} the total. See {@link Metrics}.
 * @param taskAverage the plain average over tasks of every metric (NaN task values left out), with {@code tasks}
 */
public record Evaluation(List<TaskMetrics> perTask, Map<String, Double> overall, Map<String, Double> taskAverage) {
    public Evaluation {
        perTask = List.copyOf(perTask);
        // compact immutable copies (a copy of one is itself): a run may evaluate every step (decision 0044)
        overall = CompactDoubleMap.copyOf(overall);
        taskAverage = CompactDoubleMap.copyOf(taskAverage);
    }

    /** An overall metric, or NaN when absent. */
    public double get(String metric) {
        Double v = overall.get(metric);
        return v == null ? Double.NaN : v;
    }
}
