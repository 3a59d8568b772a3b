package org.mtlworkbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows read so far, in primitive buffers, and the tasks in order of first appearance. Turned into a
 * {@link MultiTaskDataset} once every row has been read and checked; until then nothing leaves this object, so a
 * failed import leaves nothing behind.
 */
final class RowStore {

    /** Where a task's first row is, for messages. */
    private record TaskInfo(String name, Path file, long firstLine, int targetColumn, String targetName) {
    }

    /** The files a folder import read, in order: which row ids came from where. */
    private record Segment(Path file, int firstRow, int splitColumn) {
    }

    private final List<String> featureNames;
    private final int d;
    private final PrimitiveBuffers.ChunkedDoubles x = new PrimitiveBuffers.ChunkedDoubles();
    private final PrimitiveBuffers.Ints taskOf = new PrimitiveBuffers.Ints();
    private final TargetColumn target;
    private final Map<String, Integer> taskIndex = new HashMap<>();
    private final List<TaskInfo> tasks = new ArrayList<>();
    private final String splitName;
    private final PrimitiveBuffers.Bytes splitRoles;
    private final PrimitiveBuffers.Ints splitLines;
    private final List<Segment> segments = new ArrayList<>();

    /** @param splitName the split column's name, or null when the data has none */
    RowStore(List<String> featureNames, TargetType requested, String splitName) {
        this.featureNames = List.copyOf(featureNames);
        this.d = featureNames.size();
        this.target = new TargetColumn(requested);
        this.splitName = splitName;
        this.splitRoles = splitName == null ? null : new PrimitiveBuffers.Bytes();
        this.splitLines = splitName == null ? null : new PrimitiveBuffers.Ints();
    }

    int featureCount() {
        return d;
    }

    boolean hasSplit() {
        return splitRoles != null;
    }

    TargetColumn target() {
        return target;
    }

    int rows() {
        return taskOf.size();
    }

    /** Marks the start of the rows of one file, with its 0-based split column (-1 when none). */
    void startFile(Path file, int splitColumn) {
        segments.add(new Segment(file, rows(), splitColumn));
    }

    /** The task's index, or -1 when no row has named it yet. */
    int taskIndex(String name) {
        return taskIndex.getOrDefault(name, -1);
    }

    int addTask(String name, Path file, long firstLine, int targetColumn, String targetName) {
        int i = tasks.size();
        taskIndex.put(name, i);
        tasks.add(new TaskInfo(name, file, firstLine, targetColumn, targetName));
        return i;
    }

    /**
     * Stores one row whose target was already added to {@link #target()}.
     *
     * @param role split role code (0 when the data has no split column)
     */
    void addRow(int task, double[] features, byte role, long line) {
        for (double v : features) {
            x.add(v);
        }
        taskOf.add(task);
        if (splitRoles != null) {
            splitRoles.add(role);
            splitLines.add((int) Math.min(line, Integer.MAX_VALUE));
        }
    }

    /** Decides the target type, checks every classification task has two classes, and builds the result. */
    ImportedData build(String name, String sha256, Path source) throws DataImportException {
        target.finish();
        int n = rows();
        int t = tasks.size();
        if (target.type() == TargetType.CLASSIFICATION) {
            checkTwoClassesPerTask(n, t);
        }
        int[] counts = new int[t];
        for (int i = 0; i < n; i++) {
            counts[taskOf.get(i)]++;
        }
        double[][][] xs = new double[t][][];
        double[][] ys = new double[t][];
        int[][] ids = new int[t][];
        for (int k = 0; k < t; k++) {
            xs[k] = new double[counts[k]][];
            ys[k] = new double[counts[k]];
            ids[k] = new int[counts[k]];
        }
        int[] pos = new int[t];
        for (int i = 0; i < n; i++) {
            int k = taskOf.get(i);
            int p = pos[k]++;
            double[] row = new double[d];
            x.copy((long) i * d, row);
            xs[k][p] = row;
            ys[k][p] = target.y(i);
            ids[k][p] = i;
            x.releaseBefore((long) (i + 1) * d); // the raw buffer shrinks as the task arrays grow
        }
        List<Task> built = new ArrayList<>(t);
        for (int k = 0; k < t; k++) {
            built.add(new Task(tasks.get(k).name(), xs[k], ys[k], ids[k]));
            xs[k] = null; // Task copied it
        }
        MultiTaskDataset ds = new MultiTaskDataset(name, featureNames, target.type(), target.labels(), built);
        return new ImportedData(ds, splitAssignment(), target.type(), target.autoDetected(), sha256, source);
    }

    private void checkTwoClassesPerTask(int n, int t) throws DataImportException {
        int[] firstClass = new int[t];
        boolean[] two = new boolean[t];
        java.util.Arrays.fill(firstClass, -1);
        for (int i = 0; i < n; i++) {
            int k = taskOf.get(i);
            int c = (int) target.y(i);
            if (firstClass[k] < 0) {
                firstClass[k] = c;
            } else if (firstClass[k] != c) {
                two[k] = true;
            }
        }
        for (int k = 0; k < t; k++) {
            if (!two[k]) {
                TaskInfo info = tasks.get(k);
                throw new DataImportException(info.file(), info.firstLine(), info.targetColumn(), info.targetName(),
                        "task '" + info.name() + "' has only class '" + target.labels().get(firstClass[k])
                                + "' (this is its first row): a classification task needs rows of at least two"
                                + " classes", CsvRecordStream.rawLine(info.file(), info.firstLine()));
            }
        }
    }

    private Optional<SplitAssignment> splitAssignment() {
        if (splitRoles == null) {
            return Optional.empty();
        }
        Path[] files = new Path[segments.size()];
        int[] firstRows = new int[segments.size()];
        int[] columns = new int[segments.size()];
        for (int s = 0; s < files.length; s++) {
            files[s] = segments.get(s).file();
            firstRows[s] = segments.get(s).firstRow();
            columns[s] = segments.get(s).splitColumn() + 1;
        }
        return Optional.of(new SplitAssignment(files, firstRows, columns, splitName, splitRoles.toArray(),
                splitLines.toArray()));
    }
}
