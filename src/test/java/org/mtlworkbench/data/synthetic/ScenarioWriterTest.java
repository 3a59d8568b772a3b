package org.mtlworkbench.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;

class ScenarioWriterTest {

    private static final long MAX_TOTAL_BYTES = 3L * 1024 * 1024;

    @Test
    void writesTheExpectedFilesForEveryScenario(@TempDir Path dir) throws IOException {
        List<Path> files = ScenarioWriter.writeAll(dir, Scenarios.DEFAULT_SEED);
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(dir.relativize(f).toString().replace('\\', '/'));
            assertThat(f).isRegularFile();
        }
        assertThat(names).containsExactly(
                "clustered/clustered.csv", "clustered/ground_truth.json", "clustered/README.md",
                "gated/gated.csv", "gated/gated_tasks.csv", "gated/ground_truth.json", "gated/README.md",
                "tree/tree.csv", "tree/ground_truth.json", "tree/README.md",
                "sparse/sparse.csv", "sparse/ground_truth.json", "sparse/README.md",
                "linked/linked.csv", "linked/ground_truth.json", "linked/README.md",
                "conflicting/conflicting.csv", "conflicting/ground_truth.json", "conflicting/README.md");
    }

    @Test
    void allSixScenariosTogetherStayWellUnderThreeMegabytes(@TempDir Path dir) throws IOException {
        long total = 0;
        for (Path f : ScenarioWriter.writeAll(dir, Scenarios.DEFAULT_SEED)) {
            total += Files.size(f);
        }
        assertThat(total).isLessThan(MAX_TOTAL_BYTES).isLessThan(1024 * 1024);
    }

    @Test
    void sameSeedWritesIdenticalBytesAndAnotherSeedDifferentData(@TempDir Path dir) throws IOException {
        List<Path> first = ScenarioWriter.writeAll(dir.resolve("a"), 7);
        List<Path> second = ScenarioWriter.writeAll(dir.resolve("b"), 7);
        List<Path> other = ScenarioWriter.writeAll(dir.resolve("c"), 8);
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(second.get(i))).as(first.get(i).toString())
                    .isEqualTo(Files.readAllBytes(first.get(i)));
            if (first.get(i).toString().endsWith(".csv")) {
                assertThat(Files.readAllBytes(other.get(i))).isNotEqualTo(Files.readAllBytes(first.get(i)));
            }
        }
    }

    /** Read back with commons-csv: same tasks, rows, values (exactly: the data are rounded before writing), labels. */
    @Test
    void tidyCsvReadsBackToTheSameDataSet(@TempDir Path dir) throws IOException {
        for (Scenario s : Scenarios.all()) {
            GeneratedScenario g = s.generate(Scenarios.DEFAULT_SEED);
            ScenarioWriter.write(g, dir);
            MultiTaskDataset ds = g.dataset();
            List<CSVRecord> rows = read(dir.resolve(s.id()).resolve(s.id() + ".csv"), ds);
            assertThat(rows).as(s.id()).hasSize(ds.totalRows());
            Iterator<CSVRecord> it = rows.iterator();
            for (Task t : ds.tasks()) {
                for (int i = 0; i < t.size(); i++) {
                    CSVRecord r = it.next();
                    assertThat(r.get("task")).isEqualTo(t.name());
                    assertThat(r.getRecordNumber() - 1).as("row id").isEqualTo(t.rowId(i));
                    for (int j = 0; j < ds.featureCount(); j++) {
                        assertThat(Double.parseDouble(r.get(ds.featureNames().get(j)))).isEqualTo(t.x(i, j));
                    }
                    if (ds.isClassification()) {
                        assertThat(r.get("target")).isEqualTo(ds.classLabels().get((int) t.y(i)));
                    } else {
                        assertThat(Double.parseDouble(r.get("target"))).isEqualTo(t.y(i));
                    }
                }
            }
        }
    }

    @Test
    void taskFeatureCsvReadsBackToTheTaskFeatures(@TempDir Path dir) throws IOException {
        GeneratedScenario g = Scenarios.get("gated").generate(Scenarios.DEFAULT_SEED);
        ScenarioWriter.write(g, dir);
        try (Reader in = Files.newBufferedReader(dir.resolve("gated/gated_tasks.csv"));
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            assertThat(p.getHeaderNames()).containsExactly("task", "f1", "f2");
            List<CSVRecord> rows = p.getRecords();
            assertThat(rows).hasSize(g.dataset().taskCount());
            for (CSVRecord r : rows) {
                double[] f = g.dataset().taskFeatures(r.get("task"));
                assertThat(new double[] {Double.parseDouble(r.get("f1")), Double.parseDouble(r.get("f2"))})
                        .containsExactly(f);
            }
        }
    }

    @Test
    void groundTruthJsonKeepsTheKeyOrderAndTheValues(@TempDir Path dir) throws IOException {
        GeneratedScenario g = Scenarios.get("sparse").generate(Scenarios.DEFAULT_SEED);
        ScenarioWriter.write(g, dir);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("sparse/ground_truth.json").toFile());
        List<String> top = new ArrayList<>();
        root.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactly("scenario", "title", "seed", "significantDigits", "files", "groundTruth");
        assertThat(root.get("seed").asLong()).isEqualTo(Scenarios.DEFAULT_SEED);
        List<String> keys = new ArrayList<>();
        root.get("groundTruth").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(g.groundTruth().keySet());
        double[][] w = (double[][]) g.groundTruth().get("W");
        JsonNode jw = root.get("groundTruth").get("W");
        for (int p = 0; p < w.length; p++) {
            for (int j = 0; j < w[p].length; j++) {
                assertThat(jw.get(p).get(j).asDouble()).isEqualTo(w[p][j]);
            }
        }
        assertThat(root.get("groundTruth").get("activeGroups").toString()).isEqualTo("[0,3]");
    }

    @Test
    void readmeSaysWhatItIsHowToRegenerateItAndWhatTheGroundTruthHolds(@TempDir Path dir) throws IOException {
        for (Scenario s : Scenarios.all()) {
            GeneratedScenario g = s.generate(Scenarios.DEFAULT_SEED);
            ScenarioWriter.write(g, dir);
            String readme = Files.readString(dir.resolve(s.id()).resolve("README.md"));
            assertThat(readme).startsWith("# " + s.title()).contains(s.description())
                    .contains("./mtlwb generate").contains(String.valueOf(Scenarios.DEFAULT_SEED))
                    .contains("6 significant digits").contains(s.id() + ".csv");
            for (String key : g.groundTruth().keySet()) {
                assertThat(readme).contains("- `" + key + "`: ");
            }
        }
    }

    private static List<CSVRecord> read(Path file, MultiTaskDataset ds) throws IOException {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = new ArrayList<>();
            header.add("task");
            header.addAll(ds.featureNames());
            header.add("target");
            assertThat(p.getHeaderNames()).containsExactlyElementsOf(header);
            return p.getRecords();
        }
    }
}
