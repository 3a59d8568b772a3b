package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtlworkbench.data.CsvFixtures.defaults;
import static org.mtlworkbench.data.CsvFixtures.write;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Well-formed input: what a correct import returns. */
class CsvImporterTest {

    @TempDir
    Path dir;

    @Test
    void tidyFileWithColumnsInAnyOrder() throws Exception {
        Path f = write(dir, "small.csv", """
                x1,task,target,x2
                1,b,0.5,10
                2,a,1.5,20
                3,b,2.5,30
                """);
        ImportedData data = CsvImporter.loadTidy(f, defaults());
        MultiTaskDataset ds = data.dataset();
        assertThat(ds.name()).isEqualTo("small");
        assertThat(ds.featureNames()).containsExactly("x1", "x2");
        assertThat(ds.taskNames()).containsExactly("b", "a"); // order of first appearance
        Task b = ds.task(0);
        assertThat(b.x()).isDeepEqualTo(new double[][] {{1, 10}, {3, 30}});
        assertThat(b.y()).containsExactly(0.5, 2.5);
        assertThat(b.rowIds()).containsExactly(0, 2);
        assertThat(ds.task(1).rowIds()).containsExactly(1);
        assertThat(data.targetType()).isEqualTo(TargetType.REGRESSION);
        assertThat(data.autoDetected()).isTrue();
        assertThat(data.targetTypeDescription()).isEqualTo("regression (detected)");
        assertThat(data.splitColumn()).isEmpty();
        assertThat(data.source()).isEqualTo(f);
    }

    @Test
    void twoDistinctNumbersAreClassesSortedNumerically() throws Exception {
        Path f = write(dir, "c.csv", "task,x,target\nt,1,1\nt,2,-1\nu,3,-1\nu,4,1\n");
        MultiTaskDataset ds = CsvImporter.readTidy(f, defaults());
        assertThat(ds.targetType()).isEqualTo(TargetType.CLASSIFICATION);
        assertThat(ds.classLabels()).containsExactly("-1", "1");
        assertThat(ds.task(0).y()).containsExactly(1, 0);
        assertThat(ds.task(1).y()).containsExactly(0, 1);
    }

    @Test
    void integerRatingsStayRegression() throws Exception {
        StringBuilder sb = new StringBuilder("task,x,target\n");
        for (int i = 0; i <= 10; i++) {
            sb.append(i % 2).append(',').append(i).append(',').append(i).append('\n');
        }
        MultiTaskDataset ds = CsvImporter.readTidy(write(dir, "r.csv", sb.toString()), defaults());
        assertThat(ds.targetType()).isEqualTo(TargetType.REGRESSION);
        assertThat(ds.task(0).y()).containsExactly(0, 2, 4, 6, 8, 10);
    }

    @Test
    void textLabelsAreClassesSortedAsStrings() throws Exception {
        Path f = write(dir, "t.csv", "task,x,target\n1,0,dog\n1,1,cat\n2,2,bird\n2,3,dog\n");
        MultiTaskDataset ds = CsvImporter.readTidy(f, defaults());
        assertThat(ds.classLabels()).containsExactly("bird", "cat", "dog");
        assertThat(ds.task(0).y()).containsExactly(2, 1);
        assertThat(ds.task(1).y()).containsExactly(0, 2);
    }

    @Test
    void explicitClassificationSortsNumbersNumericallyAndMergesEqualValues() throws Exception {
        Path f = write(dir, "n.csv", "task,x,target\na,0,10\na,1,9\nb,2,2\nb,3,10.0\nb,4,2\n");
        ImportedData data = CsvImporter.loadTidy(f, defaults().withTargetType(TargetType.CLASSIFICATION));
        MultiTaskDataset ds = data.dataset();
        assertThat(ds.classLabels()).containsExactly("2", "9", "10"); // not "10", "2", "9"
        assertThat(ds.task(0).y()).containsExactly(2, 1);
        assertThat(ds.task(1).y()).containsExactly(0, 2, 0); // 10.0 is label "10"
        assertThat(data.autoDetected()).isFalse();
    }

    @Test
    void explicitClassificationAcceptsNumbersMixedWithText() throws Exception {
        Path f = write(dir, "m.csv", "task,x,target\na,0,2\na,1,cat\nb,2,10\nb,3,cat\n");
        MultiTaskDataset ds = CsvImporter.readTidy(f, defaults().withTargetType(TargetType.CLASSIFICATION));
        assertThat(ds.classLabels()).containsExactly("10", "2", "cat"); // mixed: compared as text
    }

    @Test
    void explicitRegressionKeepsTwoValuesNumeric() throws Exception {
        Path f = write(dir, "b.csv", "task,x,target\na,0,0\na,1,1\n");
        MultiTaskDataset ds = CsvImporter.readTidy(f, defaults().withTargetType(TargetType.REGRESSION));
        assertThat(ds.targetType()).isEqualTo(TargetType.REGRESSION);
        assertThat(ds.task(0).y()).containsExactly(0, 1);
    }

    @Test
    void otherColumnNamesCanBeChosen() throws Exception {
        Path f = write(dir, "o.csv", "subject,days,reaction,fold\ns1,0,1.5,train\ns1,1,2.5,test\n");
        ImportOptions o = defaults().withTaskColumn("subject").withTargetColumn("reaction").withSplitColumn("fold");
        ImportedData data = CsvImporter.loadTidy(f, o);
        assertThat(data.dataset().featureNames()).containsExactly("days");
        assertThat(data.splitColumn()).isPresent();
        assertThat(data.splitColumn().get().role(0)).isEqualTo(SplitAssignment.Role.TRAIN);
        assertThat(data.splitColumn().get().role(1)).isEqualTo(SplitAssignment.Role.TEST);
    }

    @Test
    void splitColumnIsKeptWithItsLocation() throws Exception {
        Path f = write(dir, "s.csv", "task,split,x,target\na,train,1,1.0\na, TEST ,2,2.0\nb,Train,3,3.0\n");
        ImportedData data = CsvImporter.loadTidy(f, defaults());
        SplitAssignment s = data.splitColumn().orElseThrow();
        assertThat(data.dataset().featureNames()).containsExactly("x");
        assertThat(s.role(0)).isEqualTo(SplitAssignment.Role.TRAIN);
        assertThat(s.role(1)).isEqualTo(SplitAssignment.Role.TEST);
        assertThat(s.role(2)).isEqualTo(SplitAssignment.Role.TRAIN);
        assertThat(s.role(3)).isEqualTo(SplitAssignment.Role.UNASSIGNED);
        assertThat(s.line(1)).isEqualTo(3);
        assertThat(s.column(1)).isEqualTo(2);
        assertThat(s.source(1)).isEqualTo(f);
    }

    @Test
    void byteOrderMarkAndCrlfWork() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write("task,x,target\r\na,1,2.5\r\na,2,3.5\r\nb,3,4.5\r\n".getBytes(StandardCharsets.UTF_8));
        Path f = CsvFixtures.writeBytes(dir, "bom.csv", bytes.toByteArray());
        MultiTaskDataset ds = CsvImporter.readTidy(f, defaults());
        assertThat(ds.taskNames()).containsExactly("a", "b");
        assertThat(ds.featureNames()).containsExactly("x");
        assertThat(ds.task(0).y()).containsExactly(2.5, 3.5);
        // the hash is of the file's bytes, BOM included
        assertThat(CsvImporter.loadTidy(f, defaults()).sha256()).isEqualTo(sha256(bytes.toByteArray()));
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        Path f = write(dir, "q.csv", "task,x,target\n\"a, \"\"b\"\"\",\"1.5\",1\n\"multi\nline\",2,2\n\"a, \"\"b\"\"\",3,3\n");
        MultiTaskDataset ds = CsvImporter.readTidy(f, defaults());
        assertThat(ds.taskNames()).containsExactly("a, \"b\"", "multi\nline");
        assertThat(ds.task(0).x()).isDeepEqualTo(new double[][] {{1.5}, {3}});
        assertThat(ds.task(0).rowIds()).containsExactly(0, 2);
        assertThat(ds.task(1).rowIds()).containsExactly(1);
    }

    @Test
    void blankLinesAreSkippedButCountedInLineNumbers() throws Exception {
        Path f = write(dir, "blank.csv", "task,x,target\n\na,1,1\n\n\na,2,2\na,3,x3\n");
        MultiTaskDataset ds = CsvImporter.readTidy(f, defaults().withTargetType(TargetType.CLASSIFICATION));
        assertThat(ds.task(0).rowIds()).containsExactly(0, 1, 2); // blank lines are not data rows
        Path bad = write(dir, "blank2.csv", "task,x,target\n\na,1,1\n\n\na,zz,2\n");
        CsvFixtures.expectError(() -> CsvImporter.readTidy(bad, defaults()), bad, 6, 2);
    }

    @Test
    void numbersInManyNotations() throws Exception {
        Path f = write(dir, "num.csv", "task,x,target\na,-1.5e3,+2\na, 7 ,.5\na,1E-2,3.\n");
        MultiTaskDataset ds = CsvImporter.readTidy(f, defaults());
        assertThat(ds.task(0).x()).isDeepEqualTo(new double[][] {{-1500}, {7}, {0.01}});
        assertThat(ds.task(0).y()).containsExactly(2, 0.5, 3);
    }

    @Test
    void folderOfPerTaskFiles() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("tasks"));
        write(folder, "beta.csv", "x1,x2,target\n1,2,0.5\n3,4,1.5\n");
        write(folder, "alpha.csv", "target,x2,x1\n9.5,20,10\n"); // other column order
        write(folder, "notes.txt", "ignored");
        Files.createDirectory(folder.resolve("sub.csv")); // a folder, not a file: ignored
        ImportedData data = CsvImporter.load(folder, defaults());
        MultiTaskDataset ds = data.dataset();
        assertThat(ds.name()).isEqualTo("tasks");
        assertThat(ds.taskNames()).containsExactly("alpha", "beta"); // sorted by file name
        assertThat(ds.featureNames()).containsExactly("x2", "x1"); // from the first file
        assertThat(ds.task(0).x()).isDeepEqualTo(new double[][] {{20, 10}});
        assertThat(ds.task(1).x()).isDeepEqualTo(new double[][] {{2, 1}, {4, 3}});
        assertThat(ds.task(1).rowIds()).containsExactly(1, 2); // numbered across the files in name order
        byte[] a = Files.readAllBytes(folder.resolve("alpha.csv"));
        byte[] b = Files.readAllBytes(folder.resolve("beta.csv"));
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        for (Object[] e : List.of(new Object[] {"alpha.csv", a}, new Object[] {"beta.csv", b})) {
            framed.write(((String) e[0]).getBytes(StandardCharsets.UTF_8));
            framed.write(0);
            framed.write(ByteBuffer.allocate(8).putLong(((byte[]) e[1]).length).array());
            framed.write((byte[]) e[1]);
        }
        assertThat(data.sha256()).isEqualTo(sha256(framed.toByteArray()));
        assertThat(CsvImporter.sha256(folder)).isEqualTo(data.sha256());
    }

    @Test
    void folderSplitColumnLocatesCellsInEachFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("split"));
        write(folder, "a.csv", "x,target,split\n1,1,train\n2,2,test\n");
        write(folder, "b.csv", "split,x,target\ntest,3,3\ntrain,4,4\n");
        SplitAssignment s = CsvImporter.load(folder, defaults()).splitColumn().orElseThrow();
        assertThat(s.role(2)).isEqualTo(SplitAssignment.Role.TEST);
        assertThat(s.source(2)).isEqualTo(folder.resolve("b.csv"));
        assertThat(s.line(2)).isEqualTo(2);
        assertThat(s.column(2)).isEqualTo(1);
        assertThat(s.source(1)).isEqualTo(folder.resolve("a.csv"));
        assertThat(s.column(1)).isEqualTo(3);
    }

    @Test
    void sha256IsOfTheFileBytes() throws Exception {
        Path f = write(dir, "h.csv", "task,x,target\na,1,1\na,2,2\na,3,3\n");
        String expected = sha256(Files.readAllBytes(f));
        assertThat(CsvImporter.loadTidy(f, defaults()).sha256()).isEqualTo(expected);
        assertThat(CsvImporter.sha256(f)).isEqualTo(expected);
    }

    @Test
    void failedImportLeavesNothingBehind() throws Exception {
        Path f = write(dir, "f.csv", "task,x,target\na,1,1\na,2,oops\n");
        Path g = write(dir, "g.csv", "task,x,target\na,1,1\na,2,2\na,3,3\n");
        MultiTaskDataset before = CsvImporter.readTidy(g, defaults());
        CsvFixtures.expectError(() -> CsvImporter.readTidy(f, defaults().withTargetType(TargetType.REGRESSION)),
                f, 3, 3);
        MultiTaskDataset after = CsvImporter.readTidy(g, defaults());
        assertThat(after.toString()).isEqualTo(before.toString());
        assertThat(after.task(0).y()).containsExactly(before.task(0).y());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
