package org.mtlworkbench.data;

import java.util.Locale;
import java.util.Set;

/** Strict reading of single CSV cells: plain finite decimal numbers, missing-value markers, split roles. */
final class Cells {

    /** Spellings of a missing or non-finite value, lower case; the empty cell is one too. */
    private static final Set<String> MISSING = Set.of("", "nan", "na", "n/a", "null", "none", "?", "inf", "+inf",
            "-inf", "infinity", "+infinity", "-infinity");

    private Cells() {
    }

    /**
     * The value of a plain decimal number such as {@code -1.5e3}, or NaN when the cell is anything else: text,
     * hexadecimal, Java suffixes ({@code 1d}), or a value that overflows to infinity.
     */
    static double number(String cell) {
        double v = parsePlain(cell);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** A plain decimal number, possibly overflowing to infinity; NaN when the text is not one. */
    private static double parsePlain(String cell) {
        String s = cell.strip();
        int n = s.length();
        if (n == 0 || n > 400) {
            return Double.NaN;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** True for an empty cell, the usual spellings of NaN, NA and infinity, and numbers that overflow (1e999). */
    static boolean isMissing(String cell) {
        return MISSING.contains(cell.strip().toLowerCase(Locale.ROOT)) || Double.isInfinite(parsePlain(cell));
    }

    /** The explanation for a feature or target cell that is not a usable number. */
    static String notNumber(String cell, String what) {
        if (isMissing(cell)) {
            return "missing or non-finite value '" + cell + "' in " + what
                    + ": missing values are not supported (remove or impute the row before importing)";
        }
        return "'" + cell + "' is not a number; " + what + " must be numeric";
    }

    /** 1 for train, 2 for test (case and surrounding spaces ignored), 0 for anything else. */
    static byte role(String cell) {
        String s = cell.strip();
        if (s.equalsIgnoreCase("train")) {
            return SplitAssignment.code(true);
        }
        if (s.equalsIgnoreCase("test")) {
            return SplitAssignment.code(false);
        }
        return 0;
    }
}
