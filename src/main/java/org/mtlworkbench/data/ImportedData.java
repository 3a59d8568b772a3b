package org.mtlworkbench.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an import: the data set and what the import learnt on the way.
 *
 * @param dataset      the tasks (raw, not standardised)
 * @param splitColumn  the train/test roles of the data's own split column, when the file has one
 * @param targetType   the target type used (the same as {@code dataset.targetType()})
 * @param autoDetected true when the target type was detected, false when it was given in the options
 * @param sha256       SHA-256 (lower-case hex) of the file bytes; for a folder, of its CSV files in name order,
 *                     each as UTF-8 name, a 0 byte, the 8-byte big-endian length, then the bytes
 * @param source       the file or folder read
 */
public record ImportedData(MultiTaskDataset dataset, Optional<SplitAssignment> splitColumn, TargetType targetType,
                           boolean autoDetected, String sha256, Path source) {

    public ImportedData {
        Objects.requireNonNull(dataset);
        Objects.requireNonNull(splitColumn);
        Objects.requireNonNull(targetType);
        Objects.requireNonNull(sha256);
        if (dataset.targetType() != targetType) {
            throw new IllegalArgumentException("target type differs from the data set's");
        }
    }

    /** The same import with another data set of the same rows (e.g. with task features attached). */
    public ImportedData withDataset(MultiTaskDataset other) {
        return new ImportedData(other, splitColumn, targetType, autoDetected, sha256, source);
    }

    /** E.g. "classification (detected)" — for the CLI and the GUI. */
    public String targetTypeDescription() {
        return targetType.name().toLowerCase(java.util.Locale.ROOT) + (autoDetected ? " (detected)" : " (given)");
    }
}
