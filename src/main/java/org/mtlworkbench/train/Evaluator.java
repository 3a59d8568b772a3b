package org.mtlworkbench.train;

import java.util.Objects;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FittedModel;

/**
 * Evaluates models on one data set again and again, as a run does every {@code evalEvery} steps: the rows' features
 * and targets are copied out of the (immutable) data set once, here, instead of at every evaluation. At full speed
 * with metrics every step that copy was most of the GUI process's garbage, and its collections the late frames
 * (decision 0044).
 *
 * <p>The copies are handed to {@link FittedModel#predict}, which must not modify them. Not thread-safe: one
 * evaluator per thread.
 */
public final class Evaluator {

    private final MultiTaskDataset data;
    private final double[][][] x;
    private final double[][] y;

    public Evaluator(MultiTaskDataset data) {
        this.data = Objects.requireNonNull(data, "data");
        x = new double[data.taskCount()][][];
        y = new double[data.taskCount()][];
        for (int t = 0; t < data.taskCount(); t++) {
            x[t] = data.task(t).x();
            y[t] = data.task(t).y();
        }
    }

    /** The same as {@link Metrics#evaluate(FittedModel, MultiTaskDataset)} on this evaluator's data set. */
    public Evaluation evaluate(FittedModel model) {
        return Metrics.evaluate(model, data, x, y);
    }
}
