package org.mtlworkbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded, deterministic train/test splits. Every split keeps at least one training row per task (or fails naming
 * the task), and the result is standardised with {@link Standardizer#fit} on the training rows only (features;
 * targets untouched).
 *
 * <p>Random choices are drawn per task from a generator seeded by (seed, task name), so a task's split does not
 * depend on the other tasks. For classification they are stratified by class (see {@link StratifiedSampler}).
 */
public final class Splitter {

    private Splitter() {
    }

    /**
     * Per task, {@code round(fraction × n)} rows for training, at least one and, when the task has two rows or more,
     * at most {@code n − 1} so that one test row remains; a one-row task trains on its row and has no test row.
     */
    public static DataSplit byFraction(MultiTaskDataset ds, double trainFraction, long seed) {
        SplitSpec spec = SplitSpec.fraction(trainFraction, seed); // validates the fraction
        List<Task> train = new ArrayList<>();
        List<Task> test = new ArrayList<>();
        for (Task t : ds.tasks()) {
            int n = t.size();
            int k = (int) Math.round(trainFraction * n);
            k = n < 2 ? n : Math.max(1, Math.min(n - 1, k));
            split(ds, t, allPositions(n), k, seed, train, test, null);
        }
        return finish(ds, train, test, spec.describe());
    }

    /**
     * Per task, {@code trainRowsPerTask} rows for training. A task with fewer than {@code trainRowsPerTask + 1} rows
     * keeps one test row: its training set is capped at {@code n − 1} rows (one-row tasks: the row trains, no test),
     * and {@link DataSplit#description()} names the capped tasks.
     */
    public static DataSplit byCount(MultiTaskDataset ds, int trainRowsPerTask, long seed) {
        SplitSpec spec = SplitSpec.count(trainRowsPerTask, seed); // validates the count
        List<Task> train = new ArrayList<>();
        List<Task> test = new ArrayList<>();
        List<String> capped = new ArrayList<>();
        for (Task t : ds.tasks()) {
            int n = t.size();
            int k = n < 2 ? n : Math.min(trainRowsPerTask, n - 1);
            if (k < trainRowsPerTask) {
                capped.add(t.name() + " (" + k + ")");
            }
            split(ds, t, allPositions(n), k, seed, train, test, null);
        }
        return finish(ds, train, test, spec.describe() + cappedNote(capped, "to keep a test row"));
    }

    /** The data's own split column. Errors name the cell of the first row of a task that has no training row. */
    public static DataSplit bySplitColumn(ImportedData data) throws DataImportException {
        SplitAssignment a = data.splitColumn().orElseThrow(() -> DataImportException.whole(data.source(),
                "the data has no split column"));
        return byAssignment(data.dataset(), a, 0, 0, "split column '" + a.columnName() + "'");
    }

    /**
     * A split file: {@code row} (0-based data row) and {@code column} (train/test). Rows the file does not mention
     * are left out of both sets; the description counts them.
     */
    public static DataSplit bySplitFile(MultiTaskDataset ds, Path splitFile, String column)
            throws DataImportException {
        SplitAssignment a = SplitFile.read(ds, splitFile, column);
        return byAssignment(ds, a, 0, 0, SplitSpec.file(splitFile.toString(), column, 0, 0).describe());
    }

    /**
     * A split file whose training rows are a pool: {@code trainRowsPerTask} of them per task are drawn (seeded,
     * stratified for classification); tasks with fewer pool rows train on all of them (named in the description).
     * The test rows are those the file marks as test.
     */
    public static DataSplit bySplitFileSubsampled(MultiTaskDataset ds, Path splitFile, String column,
                                                  int trainRowsPerTask, long seed) throws DataImportException {
        if (trainRowsPerTask < 1) {
            throw new IllegalArgumentException("training rows per task must be at least 1, not " + trainRowsPerTask);
        }
        SplitAssignment a = SplitFile.read(ds, splitFile, column);
        return byAssignment(ds, a, trainRowsPerTask, seed,
                SplitSpec.file(splitFile.toString(), column, trainRowsPerTask, seed).describe());
    }

    /** The split file as read, for previews; see {@link #bySplitFile}. */
    public static SplitAssignment readSplitFile(MultiTaskDataset ds, Path splitFile, String column)
            throws DataImportException {
        return SplitFile.read(ds, splitFile, column);
    }

    /**
     * Makes the split a {@link SplitSpec} describes. A relative split-file path is resolved against the folder of
     * the data (the data file's folder, or the data folder itself); callers holding a path typed by a user should
     * make it absolute first. A COLUMN spec must name the split column the data was imported with.
     */
    public static DataSplit apply(SplitSpec spec, ImportedData data) throws DataImportException {
        return switch (spec.kind()) {
            case FRACTION -> byFraction(data.dataset(), spec.fraction(), spec.seed());
            case COUNT -> byCount(data.dataset(), spec.count(), spec.seed());
            case COLUMN -> {
                SplitAssignment a = data.splitColumn().orElseThrow(() -> DataImportException.whole(data.source(),
                        "the data has no split column '" + spec.column() + "'"));
                if (!a.columnName().equals(spec.column())) {
                    throw DataImportException.whole(data.source(), "the data's split column is '"
                            + a.columnName() + "', not '" + spec.column() + "'");
                }
                yield bySplitColumn(data);
            }
            case FILE -> {
                Path file = resolve(spec.file(), data.source());
                yield spec.count() > 0
                        ? bySplitFileSubsampled(data.dataset(), file, spec.column(), spec.count(), spec.seed())
                        : bySplitFile(data.dataset(), file, spec.column());
            }
        };
    }

    private static Path resolve(String file, Path source) {
        Path p = Path.of(file);
        if (p.isAbsolute() || source == null) {
            return p;
        }
        Path base = java.nio.file.Files.isDirectory(source) ? source : source.toAbsolutePath().getParent();
        return base == null ? p : base.resolve(p);
    }

    private static DataSplit byAssignment(MultiTaskDataset ds, SplitAssignment a, int subsample, long seed,
                                          String description) throws DataImportException {
        List<Task> train = new ArrayList<>();
        List<Task> test = new ArrayList<>();
        List<String> capped = new ArrayList<>();
        int left = 0;
        for (Task t : ds.tasks()) {
            int[] pool = positions(t, a, SplitAssignment.Role.TRAIN);
            int[] testRows = positions(t, a, SplitAssignment.Role.TEST);
            left += t.size() - pool.length - testRows.length;
            if (pool.length == 0) {
                throw noTraining(t, a, testRows);
            }
            int k = pool.length;
            if (subsample > 0) {
                k = Math.min(subsample, pool.length);
                if (k < subsample) {
                    capped.add(t.name() + " (" + k + ")");
                }
            }
            split(ds, t, pool, k, seed, train, test, testRows);
        }
        String note = left == 0 ? "" : "; " + left + " rows not in the split left out";
        return finish(ds, train, test, description + cappedNote(capped, "the whole training pool") + note);
    }

    private static DataImportException noTraining(Task t, SplitAssignment a, int[] testRows) {
        if (testRows.length == 0) {
            return DataImportException.whole(a.sources().get(0), "task '" + t.name()
                    + "' has no rows in split '" + a.columnName() + "': every task needs at least one training row");
        }
        int row = t.rowId(testRows[0]);
        Path file = a.source(row);
        long line = a.line(row);
        return new DataImportException(file, line, a.column(row), a.columnName(), "task '" + t.name()
                + "' has no training rows (all " + testRows.length + " of its rows in split '" + a.columnName()
                + "' are test; this is its first): every task needs at least one training row",
                CsvRecordStream.rawLine(file, line));
    }

    /**
     * Draws {@code k} of {@code pool} for training; the test set is {@code testRows} (positions), or, when that is
     * null, every row not drawn.
     */
    private static void split(MultiTaskDataset ds, Task t, int[] pool, int k, long seed, List<Task> train,
                              List<Task> test, int[] testRows) {
        Random rng = StratifiedSampler.rngFor(seed, t.name());
        int[] chosen = StratifiedSampler.choose(pool, k, classes(ds, t), rng);
        train.add(t.select(chosen));
        test.add(t.select(testRows != null ? testRows : complement(t.size(), chosen)));
    }

    private static int[] classes(MultiTaskDataset ds, Task t) {
        if (!ds.isClassification()) {
            return null;
        }
        int[] c = new int[t.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = (int) t.y(i);
        }
        return c;
    }

    private static int[] positions(Task t, SplitAssignment a, SplitAssignment.Role role) {
        int[] out = new int[t.size()];
        int n = 0;
        for (int i = 0; i < t.size(); i++) {
            if (a.role(t.rowId(i)) == role) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int[] allPositions(int n) {
        int[] a = new int[n];
        java.util.Arrays.setAll(a, i -> i);
        return a;
    }

    private static int[] complement(int n, int[] sortedChosen) {
        int[] out = new int[n - sortedChosen.length];
        int m = 0;
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (c < sortedChosen.length && sortedChosen[c] == i) {
                c++;
            } else {
                out[m++] = i;
            }
        }
        return out;
    }

    private static String cappedNote(List<String> capped, String why) {
        if (capped.isEmpty()) {
            return "";
        }
        return "; " + capped.size() + " task(s) capped (" + why + "): "
                + String.join(", ", capped.subList(0, Math.min(5, capped.size()))) + (capped.size() > 5 ? ", …" : "");
    }

    private static DataSplit finish(MultiTaskDataset ds, List<Task> train, List<Task> test, String description) {
        MultiTaskDataset rawTrain = ds.withTasks(ds.name(), train);
        MultiTaskDataset rawTest = ds.withTasks(ds.name(), test);
        Standardizer s = Standardizer.fit(rawTrain);
        return new DataSplit(s.apply(rawTrain), s.apply(rawTest), s, description);
    }
}
