package org.mtlworkbench.data;

import java.util.Locale;
import java.util.Objects;

/**
 * How to split a data set into training and test rows: the description stored in experiment files and provenance,
 * from which the same split can be made again.
 *
 * @param kind     which rule
 * @param fraction training fraction per task (FRACTION)
 * @param count    training rows per task (COUNT; with FILE, 0 = all rows the file marks as train, N = N of them per task)
 * @param file     split file path (FILE), else null
 * @param column   split-file column (FILE) or split column name in the data (COLUMN)
 * @param seed     seed for the random choice of rows
 */
public record SplitSpec(Kind kind, double fraction, int count, String file, String column, long seed) {

    public enum Kind { FRACTION, COUNT, COLUMN, FILE }

    public SplitSpec {
        Objects.requireNonNull(kind);
        if (kind == Kind.FRACTION && !(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("training fraction must be in (0, 1), not " + fraction);
        }
        if (kind == Kind.COUNT && count < 1) {
            throw new IllegalArgumentException("training rows per task must be at least 1, not " + count);
        }
        if (kind == Kind.FILE && (file == null || column == null)) {
            throw new IllegalArgumentException("a split file needs a path and a column");
        }
    }

    public static SplitSpec fraction(double fraction, long seed) {
        return new SplitSpec(Kind.FRACTION, fraction, 0, null, null, seed);
    }

    public static SplitSpec count(int rowsPerTask, long seed) {
        return new SplitSpec(Kind.COUNT, Double.NaN, rowsPerTask, null, null, seed);
    }

    public static SplitSpec column(String column) {
        return new SplitSpec(Kind.COLUMN, Double.NaN, 0, null, column, 0);
    }

    public static SplitSpec file(String file, String column, int rowsPerTask, long seed) {
        return new SplitSpec(Kind.FILE, Double.NaN, rowsPerTask, file, column, seed);
    }

    /** The same rule with another seed (for repeated runs over seeds). */
    public SplitSpec withSeed(long newSeed) {
        return new SplitSpec(kind, fraction, count, file, column, newSeed);
    }

    public String describe() {
        return switch (kind) {
            case FRACTION -> String.format(Locale.ROOT, "%.3g of rows per task for training, seed %d", fraction, seed);
            case COUNT -> count + " training rows per task, seed " + seed;
            case COLUMN -> "split column '" + column + "'";
            case FILE -> "split file " + file + " column '" + column + "'"
                    + (count > 0 ? ", " + count + " training rows per task, seed " + seed : "");
        };
    }
}
