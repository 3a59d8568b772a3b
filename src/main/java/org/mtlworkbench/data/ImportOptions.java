package org.mtlworkbench.data;

import java.util.Objects;

/**
 * How to read a CSV data set: which columns play which role and which target type to use.
 *
 * @param targetType   the target type, or null to detect it (see {@link CsvImporter} for the rule)
 * @param taskColumn   name of the task column of a tidy file (default {@code task})
 * @param targetColumn name of the target column (default {@code target})
 * @param splitColumn  name of the optional train/test column (default {@code split})
 */
public record ImportOptions(TargetType targetType, String taskColumn, String targetColumn, String splitColumn) {

    public ImportOptions {
        Objects.requireNonNull(taskColumn, "taskColumn");
        Objects.requireNonNull(targetColumn, "targetColumn");
        Objects.requireNonNull(splitColumn, "splitColumn");
        if (taskColumn.equals(targetColumn) || taskColumn.equals(splitColumn) || targetColumn.equals(splitColumn)) {
            throw new IllegalArgumentException("task, target and split columns must have different names");
        }
    }

    /** Columns {@code task}, {@code target}, {@code split}; target type detected. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, "task", "target", "split");
    }

    /** The same options with another target type (null = detect). */
    public ImportOptions withTargetType(TargetType type) {
        return new ImportOptions(type, taskColumn, targetColumn, splitColumn);
    }

    public ImportOptions withTaskColumn(String name) {
        return new ImportOptions(targetType, name, targetColumn, splitColumn);
    }

    public ImportOptions withTargetColumn(String name) {
        return new ImportOptions(targetType, taskColumn, name, splitColumn);
    }

    public ImportOptions withSplitColumn(String name) {
        return new ImportOptions(targetType, taskColumn, targetColumn, name);
    }
}
