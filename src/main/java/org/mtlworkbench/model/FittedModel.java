package org.mtlworkbench.model;

import java.util.List;
import org.mtlworkbench.relatedness.RelatednessView;

/** A trained model (or, during a fit, the current state): predicts per task and shows how tasks relate. */
public interface FittedModel {

    /**
     * The predictive distribution for rows of task {@code task} (index into the training data set's tasks),
     * inputs already standardised like the training rows. Read {@code x}, never modify it: callers hand the same
     * array to every evaluation of a run.
     */
    Prediction predict(int task, double[][] x);

    /** What the model learned about the tasks; empty for models that learn nothing about it. */
    default List<RelatednessView> relatedness() {
        return List.of();
    }
}
