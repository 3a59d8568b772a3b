package org.mtlworkbench.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mtlworkbench.train.TraceRow;

/**
 * A run's trace as CSV, one row per kept step (a long run's trace is evenly thinned, decision 0044):
 * {@code step, elapsed_ms}, every loss term, every scalar, then {@code train_<metric>} and {@code test_<metric>}
 * (blank where not evaluated). Columns are the union over all rows
 * in first-seen order; a scalar named like an earlier column is written as {@code scalar_<name>}.
 */
public final class TraceCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private TraceCsv() {
    }

    /** The column names for these rows, in file order. */
    public static List<String> columns(List<TraceRow> rows) {
        return new ArrayList<>(layout(rows).keySet());
    }

    public static void write(List<TraceRow> rows, Path file) throws IOException {
        Map<String, Function<TraceRow, String>> cols = layout(rows);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(w, FORMAT);
            printer.printRecord(cols.keySet());
            for (TraceRow row : rows) {
                List<String> values = new ArrayList<>(cols.size());
                for (Function<TraceRow, String> f : cols.values()) {
                    values.add(f.apply(row));
                }
                printer.printRecord(values);
            }
            printer.flush();
        });
    }

    private static Map<String, Function<TraceRow, String>> layout(List<TraceRow> rows) {
        Map<String, Function<TraceRow, String>> cols = new LinkedHashMap<>();
        cols.put("step", r -> Integer.toString(r.step()));
        cols.put("elapsed_ms", r -> Long.toString(r.elapsedMillis()));
        Set<String> seen = new HashSet<>(); // group + key already given a column
        for (TraceRow r : rows) {
            r.losses().keySet().forEach(k -> add(cols, seen, "loss_", k, TraceRow::losses, k));
        }
        for (TraceRow r : rows) {
            r.scalars().keySet().forEach(k -> add(cols, seen, "scalar_", k, TraceRow::scalars, k));
        }
        for (TraceRow r : rows) {
            r.trainMetrics().keySet().forEach(k -> add(cols, seen, "", "train_" + k, TraceRow::trainMetrics, k));
        }
        for (TraceRow r : rows) {
            r.testMetrics().keySet().forEach(k -> add(cols, seen, "", "test_" + k, TraceRow::testMetrics, k));
        }
        return cols;
    }

    private static void add(Map<String, Function<TraceRow, String>> cols, Set<String> seen, String prefix,
                            String name, Function<TraceRow, Map<String, Double>> group, String key) {
        if (!seen.add(prefix + ":" + name)) {
            return;
        }
        String col = cols.containsKey(name) ? prefix + name : name;
        for (int i = 2; cols.containsKey(col); i++) {
            col = prefix + name + "_" + i;
        }
        cols.put(col, r -> format(group.apply(r).get(key)));
    }

    private static String format(Double v) {
        return v == null ? "" : Double.toString(v);
    }
}
