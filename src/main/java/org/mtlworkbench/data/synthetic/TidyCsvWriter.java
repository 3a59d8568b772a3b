package org.mtlworkbench.data.synthetic;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;

/**
 * Writes a {@link MultiTaskDataset} as the project's tidy CSV: header {@code task, <features…>, target}, one row per
 * data row, tasks in data-set order; classification targets as their label text. Task features go to a second file
 * with header {@code task, <task features…>}.
 *
 * <p>Numbers use {@link java.util.Locale#ROOT}-style digits ({@code .} as decimal point, no grouping). By default
 * each number is written with the fewest significant digits that parse back to exactly the same double; with a
 * positive {@code significantDigits} it is rounded (half-even) to that many. Lines end with {@code \n} on every
 * platform, so the bytes do not depend on the machine.
 */
public final class TidyCsvWriter {

    /** {@code significantDigits} value meaning "exact: shortest text that parses back to the same double". */
    public static final int EXACT = 0;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private TidyCsvWriter() {
    }

    /** Writes the tidy CSV with numbers that round-trip exactly. */
    public static void write(MultiTaskDataset ds, Path file) throws IOException {
        write(ds, file, EXACT);
    }

    /** Writes the tidy CSV with numbers rounded to {@code significantDigits} ({@link #EXACT} for exact). */
    public static void write(MultiTaskDataset ds, Path file, int significantDigits) throws IOException {
        checkDigits(significantDigits);
        List<String> header = new ArrayList<>();
        header.add("task");
        for (String f : ds.featureNames()) {
            if (f.equals("task") || f.equals("target")) {
                throw new IllegalArgumentException("a feature may not be named '" + f + "' in a tidy CSV");
            }
            header.add(f);
        }
        header.add("target");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(header);
            List<String> record = new ArrayList<>(header.size());
            for (Task t : ds.tasks()) {
                for (int i = 0; i < t.size(); i++) {
                    record.clear();
                    record.add(t.name());
                    for (int j = 0; j < t.featureCount(); j++) {
                        record.add(formatNumber(t.x(i, j), significantDigits));
                    }
                    record.add(ds.isClassification()
                            ? ds.classLabels().get((int) t.y(i))
                            : formatNumber(t.y(i), significantDigits));
                    csv.printRecord(record);
                }
            }
        }
    }

    /** Writes the task-feature CSV (exact numbers). */
    public static void writeTaskFeatures(MultiTaskDataset ds, Path file) throws IOException {
        writeTaskFeatures(ds, file, EXACT);
    }

    /**
     * Writes the task-feature CSV: header {@code task, <task feature names…>}, one row per task that has task
     * features, in task order.
     *
     * @throws IllegalArgumentException when the data set has no task features
     */
    public static void writeTaskFeatures(MultiTaskDataset ds, Path file, int significantDigits) throws IOException {
        checkDigits(significantDigits);
        if (!ds.hasTaskFeatures()) {
            throw new IllegalArgumentException("data set " + ds.name() + " has no task features");
        }
        List<String> header = new ArrayList<>();
        header.add("task");
        header.addAll(ds.taskFeatureNames());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(header);
            for (String task : ds.taskNames()) {
                double[] f = ds.taskFeatures(task);
                if (f == null) {
                    continue;
                }
                List<String> record = new ArrayList<>();
                record.add(task);
                for (double v : f) {
                    record.add(formatNumber(v, significantDigits));
                }
                csv.printRecord(record);
            }
        }
    }

    /**
     * A number as CSV text: plain decimal notation for magnitudes from 1e-6 to below 1e15, otherwise scientific
     * ({@code 1.5E-7}); {@code NaN}, {@code Infinity}, {@code -Infinity} as Java writes them; zero as {@code 0}.
     *
     * @param significantDigits digits to keep, or {@link #EXACT} for the shortest text that parses back exactly
     */
    public static String formatNumber(double v, int significantDigits) {
        checkDigits(significantDigits);
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0.0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal rounded;
        if (significantDigits == EXACT) {
            rounded = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
            for (int p = 1; p < 17; p++) {
                BigDecimal candidate = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
                if (candidate.doubleValue() == v) {
                    rounded = candidate;
                    break;
                }
            }
        } else {
            rounded = exact.round(new MathContext(significantDigits, RoundingMode.HALF_EVEN));
        }
        rounded = rounded.stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        return exponent >= -6 && exponent < 15 ? rounded.toPlainString() : rounded.toString();
    }

    private static void checkDigits(int significantDigits) {
        if (significantDigits < 0 || significantDigits > 17) {
            throw new IllegalArgumentException("significant digits must be 1..17 or EXACT (0), not "
                    + significantDigits);
        }
    }
}
