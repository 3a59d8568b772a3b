package org.mtlworkbench.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * What the GUI draws after a step: immutable, safe to hand to another thread.
 *
 * @param step          the model's step number
 * @param losses        loss terms, the total first
 * @param scalars       other values worth plotting (τ, …)
 * @param views         relatedness at this step
 * @param train         metrics on the training rows, null unless evaluated at this step
 * @param test          metrics on the test rows, null unless evaluated at this step
 * @param elapsedMillis training time since the start, paused time excluded
 */
public record TrainingSnapshot(int step, Map<String, Double> losses, Map<String, Double> scalars,
                               List<RelatednessView> views, Evaluation train, Evaluation test,
                               long elapsedMillis) {
    public TrainingSnapshot {
        losses = Collections.unmodifiableMap(new LinkedHashMap<>(losses));
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        views = List.copyOf(views);
    }

    /** Whether metrics were computed at this step. */
    public boolean isEvaluated() {
        return train != null || test != null;
    }
}
