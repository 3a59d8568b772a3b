package org.mtlworkbench.data;

import org.apache.commons.csv.CSVRecord;

/** Reads the data rows of one file into a {@link RowStore}, checking every cell left to right. */
final class DataRows {

    private static final int TASK = -1;
    private static final int TARGET = -2;
    private static final int SPLIT = -3;

    private DataRows() {
    }

    /**
     * @param featureOrder for each feature of the store, its 0-based column in this file
     * @param fixedTask    the task of every row (folder import), or null to read the task column
     */
    static void read(CsvRecordStream in, ColumnLayout layout, int[] featureOrder, String fixedTask, RowStore store)
            throws DataImportException {
        int width = layout.names.size();
        // what each column holds: a feature slot (>= 0) or one of the roles
        int[] role = new int[width];
        for (int j = 0; j < featureOrder.length; j++) {
            role[featureOrder[j]] = j;
        }
        if (layout.task >= 0) {
            role[layout.task] = TASK;
        }
        role[layout.target] = TARGET;
        if (layout.split >= 0) {
            role[layout.split] = SPLIT;
        }
        store.startFile(in.file(), layout.split);
        double[] features = new double[store.featureCount()];
        TargetColumn target = store.target();
        long rows = 0;
        for (CSVRecord r = in.next(); r != null; r = in.next()) {
            long line = in.line();
            if (r.size() != width) {
                throw ragged(in, layout, r.size(), line);
            }
            String task = fixedTask;
            byte split = 0;
            for (int c = 0; c < width; c++) {
                String cell = r.get(c);
                int what = role[c];
                if (what >= 0) {
                    double v = Cells.number(cell);
                    if (Double.isNaN(v)) {
                        throw in.error(line, c + 1, layout.names.get(c), Cells.notNumber(cell, "feature column '"
                                + layout.names.get(c) + "'") + " (expected columns: " + layout.allowed + ")");
                    }
                    features[what] = v;
                } else if (what == TASK) {
                    task = cell.strip();
                    if (task.isEmpty()) {
                        throw in.error(line, c + 1, layout.names.get(c), "empty task name");
                    }
                } else if (what == TARGET) {
                    String problem = target.add(cell, in.file(), line);
                    if (problem != null) {
                        throw in.error(line, c + 1, layout.names.get(c), problem);
                    }
                } else {
                    split = Cells.role(cell);
                    if (split == 0) {
                        throw in.error(line, c + 1, layout.names.get(c), "the split column must hold 'train' or"
                                + " 'test', not '" + cell + "'");
                    }
                }
            }
            int k = store.taskIndex(task);
            if (k < 0) {
                k = store.addTask(task, in.file(), line, layout.target + 1, layout.names.get(layout.target));
            } else if (fixedTask != null && rows == 0) {
                throw in.error(line, 0, null, "task '" + task + "' comes from two files of the folder");
            }
            store.addRow(k, features, split, line);
            rows++;
        }
        if (rows == 0) {
            throw in.error(layout.headerLine, 0, null, "the header is not followed by any data rows");
        }
    }

    private static DataImportException ragged(CsvRecordStream in, ColumnLayout layout, int size, long line) {
        int width = layout.names.size();
        if (size < width) {
            return in.error(line, size + 1, layout.names.get(size), "too few fields: " + size + " instead of "
                    + width + " (" + ColumnLayout.list(layout.names) + "); the first missing one is column "
                    + (size + 1));
        }
        return in.error(line, width + 1, null, "too many fields: " + size + " instead of " + width + " ("
                + ColumnLayout.list(layout.names) + "); the first extra one is column " + (width + 1));
    }
}
