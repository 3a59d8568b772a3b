package org.mtlworkbench.experiment;

import org.mtlworkbench.data.DataSplit;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.train.DataInfo;

/**
 * A loaded, split and standardised data set, ready to train on.
 *
 * @param full               every row as imported (not standardised)
 * @param split              standardised train and test rows
 * @param info               provenance of the data (path, SHA-256, split description)
 * @param targetTypeDetected whether the target type was auto-detected rather than given
 */
public record PreparedData(MultiTaskDataset full, DataSplit split, DataInfo info, boolean targetTypeDetected) {
}
