package org.mtlworkbench.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where data comes from: a tidy CSV or a folder of per-task CSVs, with an optional task-feature file, and for the
 * bundled samples a description and a ground-truth file.
 */
record DataSource(String name, Path data, Path tasksFile, Path groundTruth, String description) {

    static DataSource ofSample(SampleDataSet s) {
        Path gt = s.csv().resolveSibling("ground_truth.json");
        return new DataSource(s.title(), s.csv(), s.tasksCsv(), Files.isRegularFile(gt) ? gt : null, s.description());
    }

    /** A file or folder the user opened; a ground_truth.json beside a file is used too. */
    static DataSource ofPath(Path p) {
        Path gt = Files.isDirectory(p) ? p.resolve("ground_truth.json") : p.resolveSibling("ground_truth.json");
        String n = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        return new DataSource(n, p, null, Files.isRegularFile(gt) ? gt : null, "");
    }
}
