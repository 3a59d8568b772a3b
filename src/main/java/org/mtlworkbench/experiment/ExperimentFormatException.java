package org.mtlworkbench.experiment;

import java.nio.file.Path;

/**
 * An experiment file that cannot be read: not JSON, not an experiment file, written by a newer version, or with a
 * field that is unknown, missing or of the wrong kind. The message names the file, the JSON path of the field
 * ({@code $.data.path}) and, for syntax errors, the line and column.
 */
public final class ExperimentFormatException extends Exception {

    private final Path file;
    private final String jsonPath;
    private final long line;
    private final long column;

    public ExperimentFormatException(Path file, String jsonPath, long line, long column, String problem,
                                     Throwable cause) {
        super(format(file, jsonPath, line, column, problem), cause);
        this.file = file;
        this.jsonPath = jsonPath;
        this.line = line;
        this.column = column;
    }

    /** A problem with one field (or the whole document when {@code jsonPath} is "$"). */
    public ExperimentFormatException(Path file, String jsonPath, String problem) {
        this(file, jsonPath, 0, 0, problem, null);
    }

    private static String format(Path file, String jsonPath, long line, long column, String problem) {
        StringBuilder sb = new StringBuilder(file == null ? "<experiment>" : file.toString());
        if (line > 0) {
            sb.append(", line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
        }
        sb.append(": ").append(problem);
        return sb.toString();
    }

    public Path file() {
        return file;
    }

    /** Where in the document, e.g. {@code $.model.params}; null for syntax errors. */
    public String jsonPath() {
        return jsonPath;
    }

    /** 1-based line of a syntax error, else 0. */
    public long line() {
        return line;
    }

    /** 1-based column of a syntax error, else 0. */
    public long column() {
        return column;
    }
}
