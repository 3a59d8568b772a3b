package org.mtlworkbench.experiment;

import java.nio.file.Path;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.TargetType;

/**
 * What to load and how to split it: everything the CLI's data options and the GUI's data page say.
 *
 * @param data       a tidy CSV file or a folder of per-task CSV files
 * @param tasksFile  task-features CSV keyed by {@code task}, or null
 * @param targetType regression or classification, or null for auto-detection
 * @param split      the split rule, or null for the default: the data's {@code split} column when it has one,
 *                   else half of each task's rows drawn with {@code seed}
 * @param seed       seed for the default split
 */
public record DataRequest(Path data, Path tasksFile, TargetType targetType, SplitSpec split, long seed) {
    public DataRequest {
        java.util.Objects.requireNonNull(data, "data path");
    }

    public DataRequest(Path data, Path tasksFile, TargetType targetType, SplitSpec split) {
        this(data, tasksFile, targetType, split, split == null ? 0 : split.seed());
    }

    /** The same request with another seed, for the split rule and the default split alike. */
    public DataRequest withSeed(long newSeed) {
        return new DataRequest(data, tasksFile, targetType, split == null ? null : split.withSeed(newSeed), newSeed);
    }
}
