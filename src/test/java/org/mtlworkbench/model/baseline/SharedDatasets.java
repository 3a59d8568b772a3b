package org.mtlworkbench.model.baseline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.mtlworkbench.data.Task;

/**
 * Reads the shared real data sets for tests, with commons-csv directly (the project's importer is separate), and
 * skips the test when they are absent.
 */
final class SharedDatasets {

    private SharedDatasets() {
    }

    static Path dir(String name) {
        Path shared = Path.of(System.getProperty("mtlwb.shared.dir", "../shared"), "datasets");
        Path dir = shared.resolve(name);
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared datasets not found at " + dir + ": skipping");
        return dir;
    }

    /** A tidy CSV: its feature names and its tasks (in order of first appearance; rowIds = 0-based data rows). */
    record Tidy(List<String> features, List<Task> tasks) {
    }

    static Tidy readTidy(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            List<String> header = parser.getHeaderNames();
            List<String> features = new ArrayList<>();
            for (String h : header) {
                if (!h.equals("task") && !h.equals("target")) {
                    features.add(h);
                }
            }
            Map<String, List<double[]>> xs = new LinkedHashMap<>();
            Map<String, List<Double>> ys = new LinkedHashMap<>();
            Map<String, List<Integer>> ids = new LinkedHashMap<>();
            int row = 0;
            for (CSVRecord rec : parser) {
                String task = rec.get("task");
                double[] x = new double[features.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = Double.parseDouble(rec.get(features.get(j)));
                }
                xs.computeIfAbsent(task, k -> new ArrayList<>()).add(x);
                ys.computeIfAbsent(task, k -> new ArrayList<>()).add(Double.parseDouble(rec.get("target")));
                ids.computeIfAbsent(task, k -> new ArrayList<>()).add(row++);
            }
            List<Task> tasks = new ArrayList<>();
            for (String name : xs.keySet()) {
                tasks.add(new Task(name, xs.get(name).toArray(new double[0][]),
                        ys.get(name).stream().mapToDouble(Double::doubleValue).toArray(),
                        ids.get(name).stream().mapToInt(Integer::intValue).toArray()));
            }
            return new Tidy(features, tasks);
        }
    }

    /** Column {@code column} of a CSV keyed by its {@code row} column. */
    static Map<Integer, String> readKeyed(Path file, String column) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            Map<Integer, String> out = new LinkedHashMap<>();
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                out.put(Integer.parseInt(rec.get("row")), rec.get(column));
            }
            return out;
        }
    }
}
