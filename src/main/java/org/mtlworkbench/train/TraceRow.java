package org.mtlworkbench.train;

import java.util.Map;

/**
 * One reported step, for the loss curves and {@code trace.csv}.
 *
 * @param step          the model's step number
 * @param elapsedMillis training time since the start, paused time excluded
 * @param losses        loss terms, the total first
 * @param scalars       other reported values
 * @param trainMetrics  overall train metrics when evaluated at this step, else empty
 * @param testMetrics   overall test metrics when evaluated at this step, else empty
 */
public record TraceRow(int step, long elapsedMillis, Map<String, Double> losses, Map<String, Double> scalars,
                       Map<String, Double> trainMetrics, Map<String, Double> testMetrics) {
    public TraceRow {
        losses = copy(losses);
        scalars = copy(scalars);
        trainMetrics = copy(trainMetrics);
        testMetrics = copy(testMetrics);
    }

    private static Map<String, Double> copy(Map<String, Double> m) {
        return CompactDoubleMap.copyOf(m);
    }

    /** The same row with these evaluations (null = none). */
    TraceRow withMetrics(Evaluation train, Evaluation test) {
        return new TraceRow(step, elapsedMillis, losses, scalars,
                train == null ? Map.of() : train.overall(), test == null ? Map.of() : test.overall());
    }
}
