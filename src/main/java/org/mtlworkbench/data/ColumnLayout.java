package org.mtlworkbench.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The header of a data file: which column is the task, the target, the optional split, and which are features.
 * Column indexes here are 0-based; messages use 1-based columns.
 */
final class ColumnLayout {

    final List<String> names;
    final long headerLine;
    final int task;
    final int target;
    final int split;
    final int[] features;
    /** The columns a file of this kind may have, in words, for messages. */
    final String allowed;

    private ColumnLayout(List<String> names, long headerLine, int task, int target, int split, int[] features,
                         String allowed) {
        this.names = names;
        this.headerLine = headerLine;
        this.task = task;
        this.target = target;
        this.split = split;
        this.features = features;
        this.allowed = allowed;
    }

    /**
     * Reads and checks the header. A tidy file needs the task and target columns; a per-task file (folder import)
     * needs the target column and must not have a task column, since its file name is the task name.
     */
    static ColumnLayout read(CsvRecordStream in, ImportOptions opts, boolean perTaskFile)
            throws DataImportException {
        CSVRecord header = in.next();
        if (header == null) {
            throw DataImportException.whole(in.file(), "the file is empty: expected a header line naming the columns ("
                    + allowed(opts, perTaskFile) + ")");
        }
        long line = in.line();
        List<String> names = new ArrayList<>(header.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (name.isEmpty()) {
                throw in.error(line, c + 1, null, "empty column name in the header");
            }
            Integer first = seen.putIfAbsent(name, c);
            if (first != null) {
                throw in.error(line, c + 1, name, "duplicate column name '" + name + "' (also column "
                        + (first + 1) + ")");
            }
            names.add(name);
        }
        int task = names.indexOf(opts.taskColumn());
        int target = names.indexOf(opts.targetColumn());
        int split = names.indexOf(opts.splitColumn());
        if (perTaskFile && task >= 0) {
            throw in.error(line, task + 1, opts.taskColumn(), "a per-task file must not have a '" + opts.taskColumn()
                    + "' column: the file name is the task name (" + allowed(opts, true) + ")");
        }
        if (!perTaskFile && task < 0) {
            throw in.error(line, 0, null, missing(opts.taskColumn(), names, opts, false));
        }
        if (target < 0) {
            throw in.error(line, 0, null, missing(opts.targetColumn(), names, opts, perTaskFile));
        }
        int[] features = new int[names.size()];
        int d = 0;
        for (int c = 0; c < names.size(); c++) {
            if (c != task && c != target && c != split) {
                features[d++] = c;
            }
        }
        if (d == 0) {
            throw in.error(line, 0, null, "no feature columns: " + allowed(opts, perTaskFile));
        }
        return new ColumnLayout(List.copyOf(names), line, task, target, split, java.util.Arrays.copyOf(features, d),
                allowed(opts, perTaskFile));
    }

    List<String> featureNames() {
        List<String> out = new ArrayList<>(features.length);
        for (int c : features) {
            out.add(names.get(c));
        }
        return out;
    }

    /**
     * Feature column indexes of this file in the order of {@code featureNames} (another file's), or an error at
     * this file's header when the two files do not have the same columns.
     */
    int[] featuresInOrderOf(List<String> featureNames, ColumnLayout first, String firstFile, CsvRecordStream in)
            throws DataImportException {
        List<String> missing = new ArrayList<>();
        for (String n : first.names) {
            if (!names.contains(n)) {
                missing.add(n);
            }
        }
        List<String> extra = new ArrayList<>();
        int firstExtra = -1;
        for (int c = 0; c < names.size(); c++) {
            if (!first.names.contains(names.get(c))) {
                extra.add(names.get(c));
                firstExtra = firstExtra < 0 ? c : firstExtra;
            }
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw in.error(headerLine, firstExtra + 1, firstExtra < 0 ? null : names.get(firstExtra),
                    "the columns differ from those of " + firstFile + (missing.isEmpty() ? "" : "; missing: "
                    + list(missing)) + (extra.isEmpty() ? "" : "; not in " + firstFile + ": "
                    + list(extra)) + " (every file of a folder needs the same columns)");
        }
        int[] out = new int[featureNames.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = names.indexOf(featureNames.get(j));
        }
        return out;
    }

    /** Column names for a message: all of them, or the first 20 and a count. */
    static String list(List<String> names) {
        if (names.size() <= 20) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 20)) + ", … (" + names.size() + " columns)";
    }

    static String allowed(ImportOptions opts, boolean perTaskFile) {
        return (perTaskFile ? "" : "'" + opts.taskColumn() + "' (task name), ") + "'" + opts.targetColumn()
                + "' (target), optionally '" + opts.splitColumn() + "' (train/test), and one or more numeric"
                + " feature columns" + (perTaskFile ? "; the file name is the task name" : "");
    }

    private static String missing(String wanted, List<String> names, ImportOptions opts, boolean perTaskFile) {
        String hint = "";
        for (String n : names) {
            if (n.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                hint = " (column names are case-sensitive: found '" + n + "')";
            }
        }
        return "no '" + wanted + "' column" + hint + "; the header has " + list(names)
                + "; expected " + allowed(opts, perTaskFile);
    }
}
