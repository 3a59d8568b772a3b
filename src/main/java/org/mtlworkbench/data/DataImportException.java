package org.mtlworkbench.data;

import java.nio.file.Path;

/**
 * Bad input, located: the file, the 1-based line and column (0 when the problem is not at one place), what was
 * expected, and the offending line's text when there is one. Thrown before anything is kept, so a failed import
 * leaves nothing half-loaded.
 */
public final class DataImportException extends Exception {

    private final Path file;
    private final long line;
    private final int column;
    private final String columnName;
    private final String problem;
    private final String offendingLine;

    public DataImportException(Path file, long line, int column, String columnName, String problem,
                               String offendingLine) {
        super(format(file, line, column, columnName, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
        this.problem = problem;
        this.offendingLine = offendingLine;
    }

    /** A problem with the file as a whole (empty, unreadable, no tasks). */
    public static DataImportException whole(Path file, String problem) {
        return new DataImportException(file, 0, 0, null, problem, null);
    }

    private static String format(Path file, long line, int column, String columnName, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.toString());
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (column > 0) {
            sb.append(", column ").append(column);
            if (columnName != null) {
                sb.append(" (").append(columnName).append(')');
            }
        }
        sb.append(": ").append(problem);
        return sb.toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line number in the file, 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    /** 1-based column number (CSV field), 0 when the problem concerns a whole line or file. */
    public int column() {
        return column;
    }

    public String columnName() {
        return columnName;
    }

    public String problem() {
        return problem;
    }

    /** The raw text of the offending line, or null. */
    public String offendingLine() {
        return offendingLine;
    }
}
