package org.mtlworkbench.model;

import org.mtlworkbench.data.MultiTaskDataset;

/** A configured, untrained model. One instance per fit. */
public interface MultiTaskModel {

    /**
     * Trains on the training rows of every task (already standardised) and returns the fitted model. Reports
     * each step through {@code ctx}; ends early with {@link FitCancelledException} when cancelled.
     */
    FittedModel fit(MultiTaskDataset train, FitContext ctx);
}
