package org.mtlworkbench.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** Reads a task-features CSV: a {@code task} column and numeric columns, one line for each task of a data set. */
final class TaskFeaturesFile {

    static final String TASK = "task";

    private TaskFeaturesFile() {
    }

    static MultiTaskDataset attach(MultiTaskDataset ds, Path file) throws DataImportException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw DataImportException.whole(file, "no such file");
        }
        Map<String, double[]> features = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        List<String> names = new ArrayList<>();
        try (CsvRecordStream in = new CsvRecordStream(file, null)) {
            CSVRecord header = in.next();
            if (header == null) {
                throw DataImportException.whole(file, "the file is empty: expected a header with a '" + TASK
                        + "' column and numeric task-feature columns");
            }
            long headerLine = in.line();
            int taskCol = -1;
            List<String> all = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String n = header.get(c).strip();
                if (n.isEmpty()) {
                    throw in.error(headerLine, c + 1, null, "empty column name in the header");
                }
                if (all.contains(n)) {
                    throw in.error(headerLine, c + 1, n, "duplicate column name '" + n + "' (also column "
                            + (all.indexOf(n) + 1) + ")");
                }
                all.add(n);
                if (n.equals(TASK)) {
                    taskCol = c;
                } else {
                    names.add(n);
                }
            }
            if (taskCol < 0) {
                throw in.error(headerLine, 0, null, "no '" + TASK + "' column; the header has " + ColumnLayout.list(all)
                        + "; expected '" + TASK + "' and numeric task-feature columns");
            }
            if (names.isEmpty()) {
                throw in.error(headerLine, 0, null, "no task-feature columns besides '" + TASK + "'");
            }
            java.util.Set<String> known = new java.util.HashSet<>(ds.taskNames());
            for (CSVRecord r = in.next(); r != null; r = in.next()) {
                long line = in.line();
                if (r.size() != all.size()) {
                    int col = Math.min(r.size(), all.size()) + 1;
                    throw in.error(line, col, r.size() < all.size() ? all.get(r.size()) : null, (r.size() < all.size()
                            ? "too few" : "too many") + " fields: " + r.size() + " instead of " + all.size() + " ("
                            + ColumnLayout.list(all) + ")");
                }
                String task = r.get(taskCol).strip();
                if (!known.contains(task)) {
                    throw in.error(line, taskCol + 1, TASK, "task '" + task + "' is not a task of data set "
                            + ds.name());
                }
                Long first = lineOf.putIfAbsent(task, line);
                if (first != null) {
                    throw in.error(line, taskCol + 1, TASK, "task '" + task + "' appears twice (also line "
                            + first + ")");
                }
                double[] v = new double[names.size()];
                for (int c = 0, j = 0; c < all.size(); c++) {
                    if (c == taskCol) {
                        continue;
                    }
                    v[j] = Cells.number(r.get(c));
                    if (Double.isNaN(v[j])) {
                        throw in.error(line, c + 1, all.get(c), Cells.notNumber(r.get(c), "task-feature column '"
                                + all.get(c) + "'"));
                    }
                    j++;
                }
                features.put(task, v);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String t : ds.taskNames()) {
            if (!features.containsKey(t)) {
                missing.add("'" + t + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw DataImportException.whole(file, missing.size() + " task(s) of data set " + ds.name()
                    + " have no line: " + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                    + (missing.size() > 10 ? ", …" : ""));
        }
        return ds.withTaskFeatures(names, features);
    }
}
