package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtlworkbench.data.CsvFixtures.defaults;
import static org.mtlworkbench.data.CsvFixtures.expectError;
import static org.mtlworkbench.data.CsvFixtures.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitterTest {

    @TempDir
    Path dir;

    /** Tasks of the given sizes, 2 features, row ids numbered across tasks like an import. */
    static MultiTaskDataset regression(int... sizes) {
        Random r = new Random(3);
        List<Task> tasks = new ArrayList<>();
        int id = 0;
        for (int t = 0; t < sizes.length; t++) {
            double[][] x = new double[sizes[t]][];
            double[] y = new double[sizes[t]];
            int[] ids = new int[sizes[t]];
            for (int i = 0; i < sizes[t]; i++) {
                x[i] = new double[] {5 + 2 * r.nextGaussian(), -3 + 10 * r.nextDouble()};
                y[i] = r.nextGaussian();
                ids[i] = id++;
            }
            tasks.add(new Task("t" + t, x, y, ids));
        }
        return new MultiTaskDataset("reg", List.of("a", "b"), TargetType.REGRESSION, List.of(), tasks);
    }

    /** One classification task: {@code ones} rows of class 1 among {@code n} (every k-th row). */
    static MultiTaskDataset classification(int n, int ones) {
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i};
            y[i] = i < ones ? 1 : 0;
        }
        Task a = Task.of("a", x, y);
        Task b = new Task("b", new double[][] {{0}, {1}, {2}, {3}}, new double[] {0, 1, 0, 1},
                new int[] {n, n + 1, n + 2, n + 3});
        return new MultiTaskDataset("cls", List.of("x"), TargetType.CLASSIFICATION, List.of("no", "yes"),
                List.of(a, b));
    }

    static int[] ids(MultiTaskDataset ds, int task) {
        return ds.task(task).rowIds();
    }

    @Test
    void byFractionSizesPartitionAndDeterminism() {
        MultiTaskDataset ds = regression(10, 1, 2, 100);
        DataSplit s = Splitter.byFraction(ds, 0.7, 42);
        int[] trainSizes = s.train().tasks().stream().mapToInt(Task::size).toArray();
        int[] testSizes = s.test().tasks().stream().mapToInt(Task::size).toArray();
        assertThat(trainSizes).containsExactly(7, 1, 1, 70); // 1-row task: trains, no test; 2 rows: 1 + 1
        assertThat(testSizes).containsExactly(3, 0, 1, 30);
        for (int t = 0; t < ds.taskCount(); t++) {
            TreeSet<Integer> all = new TreeSet<>();
            for (int id : ids(s.train(), t)) {
                all.add(id);
            }
            for (int id : ids(s.test(), t)) {
                assertThat(all.add(id)).as("train and test disjoint").isTrue();
            }
            assertThat(all).containsExactlyElementsOf(Arrays.stream(ids(ds, t)).boxed().toList());
        }
        DataSplit again = Splitter.byFraction(ds, 0.7, 42);
        assertThat(ids(again.train(), 3)).containsExactly(ids(s.train(), 3));
        assertThat(ids(Splitter.byFraction(ds, 0.7, 43).train(), 3)).isNotEqualTo(ids(s.train(), 3));
        assertThat(s.description()).isEqualTo(SplitSpec.fraction(0.7, 42).describe());
    }

    @Test
    void aTasksSplitDoesNotDependOnTheOtherTasks() {
        MultiTaskDataset ds = regression(30, 40);
        MultiTaskDataset onlySecond = ds.withTasks("one", List.of(ds.task(1)));
        assertThat(ids(Splitter.byCount(onlySecond, 5, 9).train(), 0))
                .containsExactly(ids(Splitter.byCount(ds, 5, 9).train(), 1));
    }

    @Test
    void standardisedWithTrainingStatisticsOnlyAndTargetsUntouched() {
        MultiTaskDataset ds = regression(40, 25);
        DataSplit s = Splitter.byFraction(ds, 0.5, 1);
        // brute force: mean and sd of the raw training rows, pooled over tasks
        Map<Integer, double[]> rawX = new HashMap<>();
        Map<Integer, Double> rawY = new HashMap<>();
        for (Task t : ds.tasks()) {
            for (int i = 0; i < t.size(); i++) {
                rawX.put(t.rowId(i), t.x()[i]);
                rawY.put(t.rowId(i), t.y(i));
            }
        }
        double[] sum = new double[2];
        int n = 0;
        for (Task t : s.train().tasks()) {
            for (int i = 0; i < t.size(); i++) {
                double[] raw = rawX.get(t.rowId(i));
                sum[0] += raw[0];
                sum[1] += raw[1];
                n++;
            }
        }
        double[] mean = {sum[0] / n, sum[1] / n};
        double[] ss = new double[2];
        for (Task t : s.train().tasks()) {
            for (int i = 0; i < t.size(); i++) {
                double[] raw = rawX.get(t.rowId(i));
                ss[0] += (raw[0] - mean[0]) * (raw[0] - mean[0]);
                ss[1] += (raw[1] - mean[1]) * (raw[1] - mean[1]);
            }
        }
        double[] sd = {Math.sqrt(ss[0] / (n - 1)), Math.sqrt(ss[1] / (n - 1))};
        assertThat(s.standardizer().mean()).containsExactly(mean, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.standardizer().scale()).containsExactly(sd, org.assertj.core.data.Offset.offset(1e-12));
        for (MultiTaskDataset part : List.of(s.train(), s.test())) {
            for (Task t : part.tasks()) {
                for (int i = 0; i < t.size(); i++) {
                    double[] raw = rawX.get(t.rowId(i));
                    for (int j = 0; j < 2; j++) {
                        assertThat(t.x(i, j)).isCloseTo((raw[j] - mean[j]) / sd[j],
                                org.assertj.core.data.Offset.offset(1e-12));
                    }
                    assertThat(t.y(i)).isEqualTo(rawY.get(t.rowId(i)));
                }
            }
        }
    }

    @Test
    void stratifiedForClassification() {
        MultiTaskDataset ds = classification(30, 10);
        for (long seed = 0; seed < 20; seed++) {
            DataSplit s = Splitter.byFraction(ds, 0.5, seed);
            Task train = s.train().task(0);
            assertThat(train.size()).isEqualTo(15);
            assertThat(Arrays.stream(train.y()).sum()).as("5 of the 10 ones").isEqualTo(5);
        }
        MultiTaskDataset rare = classification(20, 1);
        for (long seed = 0; seed < 20; seed++) {
            Task train = Splitter.byCount(rare, 2, seed).train().task(0);
            assertThat(train.y()).as("the single 'yes' row is kept for training").contains(1.0, 0.0);
        }
    }

    @Test
    void byCountCapsSmallTasksAndSaysSo() {
        MultiTaskDataset ds = regression(10, 3, 1);
        DataSplit s = Splitter.byCount(ds, 5, 0);
        assertThat(s.train().tasks().stream().mapToInt(Task::size).toArray()).containsExactly(5, 2, 1);
        assertThat(s.test().tasks().stream().mapToInt(Task::size).toArray()).containsExactly(5, 1, 0);
        assertThat(s.description()).startsWith("5 training rows per task, seed 0")
                .contains("2 task(s) capped").contains("t1 (2)").contains("t2 (1)");
        assertThat(Splitter.byCount(regression(10), 5, 0).description()).isEqualTo("5 training rows per task, seed 0");
    }

    @Test
    void bySplitColumn() throws Exception {
        Path f = write(dir, "s.csv", "task,x,target,split\na,1,1,train\na,2,2,test\nb,3,3,test\nb,4,4,train\na,5,5,train\n");
        ImportedData data = CsvImporter.loadTidy(f, defaults());
        DataSplit s = Splitter.bySplitColumn(data);
        assertThat(ids(s.train(), 0)).containsExactly(0, 4);
        assertThat(ids(s.test(), 0)).containsExactly(1);
        assertThat(ids(s.train(), 1)).containsExactly(3);
        assertThat(ids(s.test(), 1)).containsExactly(2);
        assertThat(s.description()).isEqualTo("split column 'split'");
        assertThat(Splitter.apply(SplitSpec.column("split"), data).train().task(0).rowIds()).containsExactly(0, 4);
    }

    @Test
    void splitColumnWithATaskWithoutTrainingRows() throws Exception {
        Path f = write(dir, "s.csv", "task,split,x,target\na,train,1,1\nb,test,2,2\na,test,3,3\nb,test,4,4\n");
        ImportedData data = CsvImporter.loadTidy(f, defaults());
        DataImportException e = expectError(() -> Splitter.bySplitColumn(data), f, 3, 2);
        assertThat(e.problem()).contains("task 'b' has no training rows");
        assertThat(e.offendingLine()).isEqualTo("b,test,2,2");
    }

    @Test
    void noSplitColumn() throws Exception {
        Path f = write(dir, "n.csv", "task,x,target\na,1,1\na,2,2\n");
        ImportedData data = CsvImporter.loadTidy(f, defaults());
        expectError(() -> Splitter.bySplitColumn(data), f, 0, 0);
        expectError(() -> Splitter.apply(SplitSpec.column("split"), data), f, 0, 0);
    }

    @Test
    void bySplitFileLeavesUnmentionedRowsOut() throws Exception {
        MultiTaskDataset ds = regression(4, 3); // rows 0-3 task t0, 4-6 task t1
        Path sf = write(dir, "splits.csv", "row,fold,other\n0,train,x\n1,test,x\n3,train,x\n4,test,x\n5,train,x\n");
        DataSplit s = Splitter.bySplitFile(ds, sf, "fold");
        assertThat(ids(s.train(), 0)).containsExactly(0, 3);
        assertThat(ids(s.test(), 0)).containsExactly(1);
        assertThat(ids(s.train(), 1)).containsExactly(5);
        assertThat(ids(s.test(), 1)).containsExactly(4);
        assertThat(s.description()).contains("column 'fold'").contains("2 rows not in the split left out");
    }

    @Test
    void splitFileSubsampledDrawsFromTheTrainingPool() throws Exception {
        MultiTaskDataset ds = regression(10, 3);
        StringBuilder sb = new StringBuilder("row,split\n");
        for (int i = 0; i < 13; i++) {
            sb.append(i).append(',').append(i % 5 == 4 ? "test" : "train").append('\n');
        }
        Path sf = write(dir, "pool.csv", sb.toString()); // test rows 4, 9 (t0); t1 = rows 10, 11, 12, all train
        DataSplit s = Splitter.bySplitFileSubsampled(ds, sf, "split", 3, 5);
        assertThat(ids(s.train(), 0)).hasSize(3).doesNotContain(4, 9);
        assertThat(ids(s.test(), 0)).containsExactly(4, 9);
        assertThat(ids(s.train(), 1)).containsExactly(10, 11, 12); // pool of 3: all of it
        assertThat(ids(s.test(), 1)).isEmpty();
        assertThat(ids(Splitter.bySplitFileSubsampled(ds, sf, "split", 3, 5).train(), 0))
                .containsExactly(ids(s.train(), 0));
        DataSplit two = Splitter.bySplitFileSubsampled(ds, sf, "split", 4, 5);
        assertThat(two.description()).contains("1 task(s) capped").contains("t1 (3)");
        assertThat(ids(Splitter.apply(SplitSpec.file(sf.toString(), "split", 3, 5),
                new ImportedData(ds, java.util.Optional.empty(), ds.targetType(), true, "x", null)).train(), 0))
                .containsExactly(ids(s.train(), 0));
    }

    @Test
    void applyResolvesARelativeSplitFileAgainstTheDataFolder() throws Exception {
        Path f = write(dir, "d.csv", "task,x,target\na,1,1\na,2,2\na,3,3\n");
        write(dir, "sp.csv", "row,split\n0,train\n1,test\n2,train\n");
        ImportedData data = CsvImporter.loadTidy(f, defaults());
        DataSplit s = Splitter.apply(SplitSpec.file("sp.csv", "split", 0, 0), data);
        assertThat(ids(s.train(), 0)).containsExactly(0, 2);
        assertThat(ids(Splitter.apply(SplitSpec.fraction(0.5, 3), data).train(), 0))
                .containsExactly(ids(Splitter.byFraction(data.dataset(), 0.5, 3).train(), 0));
        assertThat(ids(Splitter.apply(SplitSpec.count(1, 3), data).train(), 0))
                .containsExactly(ids(Splitter.byCount(data.dataset(), 1, 3).train(), 0));
    }

    @Test
    void badSplitFiles() throws Exception {
        MultiTaskDataset ds = regression(3, 2); // rows 0..4
        String head = "row,split\n";
        Path outOfRange = write(dir, "range.csv", head + "0,train\n5,test\n");
        assertThat(expectError(() -> Splitter.bySplitFile(ds, outOfRange, "split"), outOfRange, 3, 1).problem())
                .contains("out of range").contains("0..4");
        Path negative = write(dir, "neg.csv", head + "-1,train\n");
        assertThat(expectError(() -> Splitter.bySplitFile(ds, negative, "split"), negative, 2, 1).problem())
                .contains("not a row number");
        Path huge = write(dir, "huge.csv", head + "99999999999999999999,train\n");
        assertThat(expectError(() -> Splitter.bySplitFile(ds, huge, "split"), huge, 2, 1).problem())
                .contains("out of range");
        Path dup = write(dir, "dup.csv", head + "0,train\n1,test\n0,test\n");
        assertThat(expectError(() -> Splitter.bySplitFile(ds, dup, "split"), dup, 4, 1).problem())
                .contains("appears twice").contains("also line 2");
        Path frac = write(dir, "frac.csv", head + "0,train\n1.5,test\n");
        expectError(() -> Splitter.bySplitFile(ds, frac, "split"), frac, 3, 1);
        Path value = write(dir, "value.csv", "id,row,split\nx,0,train\ny,1,validate\n");
        assertThat(expectError(() -> Splitter.bySplitFile(ds, value, "split"), value, 3, 3).problem())
                .contains("'validate'");
        Path ragged = write(dir, "ragged.csv", head + "0,train\n1\n");
        expectError(() -> Splitter.bySplitFile(ds, ragged, "split"), ragged, 3, 2);
        Path noColumn = write(dir, "nocol.csv", head + "0,train\n");
        assertThat(expectError(() -> Splitter.bySplitFile(ds, noColumn, "split7"), noColumn, 1, 0).problem())
                .contains("no 'split7' column").contains("row, split");
        Path empty = write(dir, "empty.csv", "");
        expectError(() -> Splitter.bySplitFile(ds, empty, "split"), empty, 0, 0);
        Path headerOnly = write(dir, "ho.csv", head);
        expectError(() -> Splitter.bySplitFile(ds, headerOnly, "split"), headerOnly, 1, 0);
    }

    @Test
    void splitFileTaskWithoutTrainingRows() throws Exception {
        MultiTaskDataset ds = regression(3, 2); // t1 = rows 3, 4
        Path sf = write(dir, "sf.csv", "row,split\n0,train\n1,test\n4,test\n3,test\n");
        DataImportException e = expectError(() -> Splitter.bySplitFile(ds, sf, "split"), sf, 5, 2);
        assertThat(e.problem()).contains("task 't1' has no training rows");
        assertThat(e.offendingLine()).isEqualTo("3,test");
        Path absent = write(dir, "absent.csv", "row,split\n0,train\n1,test\n");
        assertThat(expectError(() -> Splitter.bySplitFile(ds, absent, "split"), absent, 0, 0).problem())
                .contains("task 't1' has no rows");
    }
}
