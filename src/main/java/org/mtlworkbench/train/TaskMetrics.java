package org.mtlworkbench.train;

import java.util.Map;

/**
 * Metrics of one task.
 *
 * @param task   task name
 * @param rows   number of rows evaluated
 * @param values metric name ({@link Metrics#RMSE}, {@link Metrics#ACCURACY}, …) → value, in a stable order
 */
public record TaskMetrics(String task, int rows, Map<String, Double> values) {
    public TaskMetrics {
        values = CompactDoubleMap.copyOf(values);
    }
}
