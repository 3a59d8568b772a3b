package org.mtlworkbench.experiment.setup;

/** A value a JSON document may not hold, at a JSON path ({@code $.setup.split.kind}); located by {@link StrictJson}. */
public final class FieldProblem extends RuntimeException {

    private final String path;

    public FieldProblem(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** Throws when {@code value} is null: a required field is missing. */
    public static void require(Object value, String path) {
        if (value == null) {
            throw new FieldProblem(path, "missing required field " + path);
        }
    }
}
