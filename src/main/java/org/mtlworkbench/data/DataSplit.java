package org.mtlworkbench.data;

import java.util.Objects;

/**
 * A train/test split of one data set, already standardised with statistics fitted on the training rows only.
 *
 * @param train        training rows of every task (standardised)
 * @param test         test rows of every task (standardised with the training statistics)
 * @param standardizer the fitted transformation, to apply to new inputs
 * @param description  how the split was made, e.g. "16 rows per task, seed 1" (goes into provenance)
 */
public record DataSplit(MultiTaskDataset train, MultiTaskDataset test, Standardizer standardizer,
                        String description) {
    public DataSplit {
        Objects.requireNonNull(train);
        Objects.requireNonNull(test);
        Objects.requireNonNull(standardizer);
        if (train.taskCount() != test.taskCount()) {
            throw new IllegalArgumentException("train and test have different task counts");
        }
    }
}
