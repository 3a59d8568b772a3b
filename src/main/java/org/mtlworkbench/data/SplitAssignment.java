package org.mtlworkbench.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A train/test role for each data row, from the data's own split column or from a split file. Rows are keyed by
 * their 0-based data-row index ({@link Task#rowIds()}); a row the source does not mention is {@link Role#UNASSIGNED}
 * and is left out of both sets.
 *
 * <p>The roles may come from several files (a folder import): each file holds a consecutive range of row ids, so
 * {@link #source(int)}, {@link #line(int)} and {@link #column(int)} locate the cell that assigns any row.
 */
public final class SplitAssignment {

    /** What a row is used for. */
    public enum Role { TRAIN, TEST, UNASSIGNED }

    private static final byte TRAIN = 1;
    private static final byte TEST = 2;

    private final Path[] files;
    private final int[] firstRows;
    private final int[] columns;
    private final String columnName;
    private final byte[] roles;
    private final int[] lines;

    /**
     * @param files      the files the roles were read from, in row order
     * @param firstRows  the first row id read from each file (ascending, the first 0)
     * @param columns    the 1-based split column in each file
     * @param columnName the column holding train/test
     * @param roles      per row id: 0 unassigned, 1 train, 2 test (not copied: the caller hands them over)
     * @param lines      per row id: the 1-based line that assigns it, 0 when none (not copied)
     */
    SplitAssignment(Path[] files, int[] firstRows, int[] columns, String columnName, byte[] roles, int[] lines) {
        if (roles.length != lines.length || files.length != firstRows.length || files.length != columns.length
                || files.length == 0) {
            throw new IllegalArgumentException("inconsistent split assignment");
        }
        this.files = files.clone();
        this.firstRows = firstRows.clone();
        this.columns = columns.clone();
        this.columnName = Objects.requireNonNull(columnName);
        this.roles = roles;
        this.lines = lines;
    }

    static byte code(boolean train) {
        return train ? TRAIN : TEST;
    }

    /** The files the roles were read from. */
    public List<Path> sources() {
        return List.of(files);
    }

    public String columnName() {
        return columnName;
    }

    /** The role of a row id; ids beyond the source's rows are unassigned. */
    public Role role(int rowId) {
        if (rowId < 0 || rowId >= roles.length) {
            return Role.UNASSIGNED;
        }
        return switch (roles[rowId]) {
            case TRAIN -> Role.TRAIN;
            case TEST -> Role.TEST;
            default -> Role.UNASSIGNED;
        };
    }

    /** The file that assigns this row. */
    public Path source(int rowId) {
        return files[segment(rowId)];
    }

    /** The 1-based line of {@link #source(int)} that assigns this row, 0 when none does. */
    public long line(int rowId) {
        return rowId < 0 || rowId >= lines.length ? 0 : lines[rowId];
    }

    /** The 1-based split column of {@link #source(int)}. */
    public int column(int rowId) {
        return columns[segment(rowId)];
    }

    private int segment(int rowId) {
        int s = Arrays.binarySearch(firstRows, rowId);
        return s >= 0 ? s : Math.max(0, -s - 2);
    }

    /** How many rows have this role (among the rows the source covers). */
    public int count(Role role) {
        int n = 0;
        for (int i = 0; i < roles.length; i++) {
            if (role(i) == role) {
                n++;
            }
        }
        return n;
    }
}
