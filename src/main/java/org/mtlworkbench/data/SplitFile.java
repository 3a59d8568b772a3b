package org.mtlworkbench.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a split file: a {@code row} column (0-based data-row index, header excluded) and one or more columns of
 * {@code train}/{@code test}; other columns are ignored. Rows the file does not mention are unassigned.
 */
final class SplitFile {

    static final String ROW = "row";

    private SplitFile() {
    }

    static SplitAssignment read(MultiTaskDataset ds, Path file, String column) throws DataImportException {
        if (!Files.isRegularFile(file)) {
            throw DataImportException.whole(file, "no such split file");
        }
        BitSet present = new BitSet();
        for (Task t : ds.tasks()) {
            for (int i = 0; i < t.size(); i++) {
                present.set(t.rowId(i));
            }
        }
        int size = present.length();
        byte[] roles = new byte[size];
        int[] lines = new int[size];
        int col;
        try (CsvRecordStream in = new CsvRecordStream(file, null)) {
            CSVRecord header = in.next();
            if (header == null) {
                throw DataImportException.whole(file, "the split file is empty: expected a header with a '" + ROW
                        + "' column and a '" + column + "' column");
            }
            long headerLine = in.line();
            List<String> names = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                String n = header.get(c).strip();
                if (names.contains(n)) {
                    throw in.error(headerLine, c + 1, n, "duplicate column name '" + n + "' (also column "
                            + (names.indexOf(n) + 1) + ")");
                }
                names.add(n);
            }
            int rowCol = names.indexOf(ROW);
            col = names.indexOf(column);
            if (rowCol < 0 || col < 0) {
                throw in.error(headerLine, 0, null, "no '" + (rowCol < 0 ? ROW : column) + "' column; the header has "
                        + ColumnLayout.list(names) + "; a split file needs '" + ROW + "' (0-based data row) and '"
                        + column + "' (train/test)");
            }
            long rows = 0;
            for (CSVRecord r = in.next(); r != null; r = in.next()) {
                long line = in.line();
                if (r.size() != names.size()) {
                    int at = Math.min(r.size(), names.size()) + 1;
                    throw in.error(line, at, r.size() < names.size() ? names.get(r.size()) : null,
                            (r.size() < names.size() ? "too few" : "too many") + " fields: " + r.size()
                                    + " instead of " + names.size() + " (" + ColumnLayout.list(names) + ")");
                }
                String cell = r.get(rowCol).strip();
                int id = parseRow(cell);
                if (id == -1) {
                    throw in.error(line, rowCol + 1, ROW, "'" + cell + "' is not a row number (a 0-based data-row"
                            + " index, a whole number)");
                }
                if (id < 0 || !present.get(id)) {
                    throw in.error(line, rowCol + 1, ROW, "row " + cell + " is out of range: data set " + ds.name()
                            + " has rows 0.." + (size - 1));
                }
                if (roles[id] != 0) {
                    throw in.error(line, rowCol + 1, ROW, "row " + id + " appears twice (also line " + lines[id]
                            + ")");
                }
                byte role = Cells.role(r.get(col));
                if (role == 0) {
                    throw in.error(line, col + 1, column, "'" + r.get(col) + "' is not 'train' or 'test'");
                }
                roles[id] = role;
                lines[id] = (int) Math.min(line, Integer.MAX_VALUE);
                rows++;
            }
            if (rows == 0) {
                throw in.error(headerLine, 0, null, "the header is not followed by any rows");
            }
        }
        return new SplitAssignment(new Path[] {file}, new int[] {0}, new int[] {col + 1}, column, roles, lines);
    }

    /** A non-negative whole number, -2 when it is one but too large, -1 when it is not one. */
    private static int parseRow(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return s.chars().allMatch(Character::isDigit) && !s.isEmpty() ? -2 : -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        long v = Long.parseLong(s);
        return v > Integer.MAX_VALUE ? -2 : (int) v;
    }
}
