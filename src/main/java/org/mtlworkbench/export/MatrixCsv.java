package org.mtlworkbench.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.TaskMatrix;

/**
 * Relatedness matrices as CSV: labels as header and first column, numbers in Java's shortest round-trip form (so a
 * matrix read back is bit-identical), NaN as "NaN". Written atomically.
 */
public final class MatrixCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private MatrixCsv() {
    }

    /** Header {@code task,<task 1>,…}; one row per task. */
    public static void write(TaskMatrix m, Path file) throws IOException {
        write(file, "task", m.tasks(), m.tasks(), m.values());
    }

    /** Header {@code task,<component 1>,…}; one row per task. */
    public static void write(AllocationMatrix m, Path file) throws IOException {
        write(file, "task", m.components(), m.tasks(), m.values());
    }

    /**
     * Header {@code group,precision[,<task 1>,…]}; one row per feature group, the task columns holding the task ×
     * group weight magnitudes when the view has them.
     */
    public static void write(GroupSparsity g, Path file) throws IOException {
        double[][] norms = g.weightNorms();
        boolean withTasks = norms.length > 0 && norms.length == g.tasks().size();
        List<String> columns = new ArrayList<>();
        columns.add("precision");
        if (withTasks) {
            columns.addAll(g.tasks());
        }
        double[] precision = g.precision();
        double[][] rows = new double[g.groups().size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[columns.size()];
            rows[i][0] = precision[i];
            if (withTasks) {
                for (int t = 0; t < norms.length; t++) {
                    rows[i][1 + t] = i < norms[t].length ? norms[t][i] : Double.NaN;
                }
            }
        }
        write(file, "group", columns, g.groups(), rows);
    }

    /** Reads a file written by {@link #write(TaskMatrix, Path)}. */
    public static TaskMatrix readTaskMatrix(Path file, String title, boolean symmetric) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.DEFAULT.parse(r)) {
            List<CSVRecord> records = p.getRecords();
            if (records.isEmpty()) {
                throw new IOException(file + ": empty matrix file");
            }
            List<String> tasks = new ArrayList<>();
            for (int j = 1; j < records.get(0).size(); j++) {
                tasks.add(records.get(0).get(j));
            }
            double[][] values = new double[records.size() - 1][];
            for (int i = 1; i < records.size(); i++) {
                CSVRecord rec = records.get(i);
                if (rec.size() != tasks.size() + 1 || !rec.get(0).equals(tasks.get(i - 1))) {
                    throw new IOException(file + ", line " + (i + 1) + ": expected row '" + tasks.get(i - 1)
                            + "' with " + tasks.size() + " values");
                }
                values[i - 1] = new double[tasks.size()];
                for (int j = 0; j < tasks.size(); j++) {
                    values[i - 1][j] = Double.parseDouble(rec.get(j + 1));
                }
            }
            return new TaskMatrix(title, tasks, values, symmetric);
        }
    }

    private static void write(Path file, String corner, List<String> columns, List<String> rowLabels,
                              double[][] values) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(w, FORMAT);
            List<String> header = new ArrayList<>();
            header.add(corner);
            header.addAll(columns);
            printer.printRecord(header);
            for (int i = 0; i < rowLabels.size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(rowLabels.get(i));
                for (double v : values[i]) {
                    row.add(Double.toString(v));
                }
                printer.printRecord(row);
            }
            printer.flush(); // not close(): AtomicFiles owns the stream
        });
    }
}
