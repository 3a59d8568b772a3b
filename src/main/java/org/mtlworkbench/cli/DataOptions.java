package org.mtlworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.experiment.DataRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The data and split options shared by {@code train} and {@code compare}. */
final class DataOptions {

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "Tidy CSV (task, features…, target[, split]) or a folder of per-task CSV files.")
    Path data;

    @Option(names = "--tasks-file", paramLabel = "PATH", description = "Task-features CSV keyed by 'task'.")
    Path tasksFile;

    @Option(names = "--target-type", paramLabel = "TYPE", defaultValue = "auto",
            description = "regression, classification or auto (default: ${DEFAULT-VALUE}: text labels or exactly"
                    + " two distinct values mean classification).")
    String targetType;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    SplitChoice split;

    @Option(names = "--split-file", paramLabel = "PATH",
            description = "Split file: a 0-based 'row' column and train/test columns.")
    Path splitFile;

    @Option(names = "--split-column", paramLabel = "NAME", defaultValue = "split",
            description = "Column of the split file (or of the data) to use (default: ${DEFAULT-VALUE}).")
    String splitColumn;

    static final class SplitChoice {
        @Option(names = "--train-per-task", paramLabel = "N",
                description = "Training rows per task (stratified for classification); with --split-file, drawn"
                        + " from the rows it marks train.")
        Integer perTask;

        @Option(names = "--train-fraction", paramLabel = "F", description = "Fraction of each task's rows to train on.")
        Double fraction;
    }

    /** The request for one seed; the default split is half of each task's rows, or the data's split column. */
    DataRequest request(long seed) {
        if (!Files.exists(data)) {
            throw new BadInputException("--data: " + data + " does not exist");
        }
        if (tasksFile != null && !Files.isRegularFile(tasksFile)) {
            throw new BadInputException("--tasks-file: " + tasksFile + " does not exist");
        }
        TargetType type = TargetType.parseOrAuto(targetType);
        SplitSpec spec;
        if (splitFile != null) {
            if (!Files.isRegularFile(splitFile)) {
                throw new BadInputException("--split-file: " + splitFile + " does not exist");
            }
            if (split != null && split.fraction != null) {
                throw new BadInputException("--train-fraction cannot be combined with --split-file;"
                        + " use --train-per-task to subsample the file's training rows");
            }
            int n = split != null && split.perTask != null ? split.perTask : 0;
            spec = SplitSpec.file(splitFile.toString(), splitColumn, n, seed);
        } else if (split != null && split.perTask != null) {
            spec = SplitSpec.count(split.perTask, seed);
        } else if (split != null && split.fraction != null) {
            spec = SplitSpec.fraction(split.fraction, seed);
        } else {
            spec = null; // decided once the data is read: its split column, else half of each task
        }
        return new DataRequest(data, tasksFile, type, spec, seed);
    }
}
