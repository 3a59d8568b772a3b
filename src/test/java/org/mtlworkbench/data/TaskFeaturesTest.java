package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtlworkbench.data.CsvFixtures.defaults;
import static org.mtlworkbench.data.CsvFixtures.expectError;
import static org.mtlworkbench.data.CsvFixtures.write;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFeaturesTest {

    @TempDir
    Path dir;

    MultiTaskDataset ds;

    @BeforeEach
    void data() throws Exception {
        ds = CsvImporter.readTidy(write(dir, "d.csv", "task,x,target\nb,1,1\na,2,2\nb,3,3\n"), defaults());
    }

    @Test
    void attachesByNameInAnyOrder() throws Exception {
        Path tf = write(dir, "tasks.csv", "age,task,score\n30,a,1.5\n40, b ,2.5\n");
        MultiTaskDataset with = CsvImporter.attachTaskFeatures(ds, tf);
        assertThat(with.taskFeatureNames()).containsExactly("age", "score");
        assertThat(with.taskFeatures("a")).containsExactly(30, 1.5);
        assertThat(with.taskFeatures("b")).containsExactly(40, 2.5);
        assertThat(with.tasks()).isEqualTo(ds.tasks());
    }

    @Test
    void unknownTaskAtItsLine() throws Exception {
        Path tf = write(dir, "t.csv", "task,f\na,1\nb,2\nc,3\n");
        assertThat(expectError(() -> CsvImporter.attachTaskFeatures(ds, tf), tf, 4, 1).problem())
                .contains("'c' is not a task");
    }

    @Test
    void missingTaskIsNamed() throws Exception {
        Path tf = write(dir, "t.csv", "task,f\nb,2\n");
        assertThat(expectError(() -> CsvImporter.attachTaskFeatures(ds, tf), tf, 0, 0).problem())
                .contains("'a'").doesNotContain("'b'");
    }

    @Test
    void repeatedTask() throws Exception {
        Path tf = write(dir, "t.csv", "task,f\na,1\nb,2\na,3\n");
        assertThat(expectError(() -> CsvImporter.attachTaskFeatures(ds, tf), tf, 4, 1).problem())
                .contains("twice").contains("line 2");
    }

    @Test
    void badCellsAndHeaders() throws Exception {
        Path text = write(dir, "t1.csv", "task,f,g\na,1,x\nb,2,3\n");
        expectError(() -> CsvImporter.attachTaskFeatures(ds, text), text, 2, 3);
        Path nan = write(dir, "t2.csv", "task,f\na,NaN\nb,2\n");
        assertThat(expectError(() -> CsvImporter.attachTaskFeatures(ds, nan), nan, 2, 2).problem())
                .contains("missing values are not supported");
        Path noTask = write(dir, "t3.csv", "name,f\na,1\n");
        expectError(() -> CsvImporter.attachTaskFeatures(ds, noTask), noTask, 1, 0);
        Path onlyTask = write(dir, "t4.csv", "task\na\nb\n");
        expectError(() -> CsvImporter.attachTaskFeatures(ds, onlyTask), onlyTask, 1, 0);
        Path dup = write(dir, "t5.csv", "task,f,f\na,1,2\n");
        expectError(() -> CsvImporter.attachTaskFeatures(ds, dup), dup, 1, 3);
        Path ragged = write(dir, "t6.csv", "task,f\na,1,2\n");
        expectError(() -> CsvImporter.attachTaskFeatures(ds, ragged), ragged, 2, 3);
        Path empty = write(dir, "t7.csv", "");
        expectError(() -> CsvImporter.attachTaskFeatures(ds, empty), empty, 0, 0);
    }
}
