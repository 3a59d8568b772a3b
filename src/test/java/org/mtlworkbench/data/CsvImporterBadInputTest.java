package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtlworkbench.data.CsvFixtures.defaults;
import static org.mtlworkbench.data.CsvFixtures.expectError;
import static org.mtlworkbench.data.CsvFixtures.write;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input: every error names the file, the line and the column, and quotes the line. */
class CsvImporterBadInputTest {

    @TempDir
    Path dir;

    @Test
    void emptyFile() throws Exception {
        Path f = write(dir, "empty.csv", "");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 0, 0);
        assertThat(e.problem()).contains("empty").contains("'task'").contains("'target'");
    }

    @Test
    void onlyBlankLinesCountAsEmpty() throws Exception {
        Path f = write(dir, "blank.csv", "\n  \n\n");
        expectError(() -> CsvImporter.readTidy(f, defaults()), f, 0, 0);
    }

    @Test
    void headerOnly() throws Exception {
        Path f = write(dir, "header.csv", "task,x,target\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 1, 0);
        assertThat(e.problem()).contains("no").contains("data rows");
        assertThat(e.offendingLine()).isEqualTo("task,x,target");
    }

    @Test
    void missingTaskColumnListsTheColumnsThatExist() throws Exception {
        Path f = write(dir, "notask.csv", "Task,x,target\na,1,2\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 1, 0);
        assertThat(e.problem()).contains("no 'task' column").contains("Task, x, target")
                .contains("case-sensitive");
    }

    @Test
    void missingTargetColumn() throws Exception {
        Path f = write(dir, "notarget.csv", "task,x,y\na,1,2\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 1, 0);
        assertThat(e.problem()).contains("no 'target' column").contains("task, x, y");
    }

    @Test
    void noFeatureColumns() throws Exception {
        Path f = write(dir, "nofeat.csv", "task,target,split\na,1,train\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 1, 0);
        assertThat(e.problem()).contains("no feature columns");
    }

    @Test
    void duplicateColumnNameAtItsSecondOccurrence() throws Exception {
        Path f = write(dir, "dup.csv", "task,x,y,x,target\na,1,2,3,4\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 1, 4);
        assertThat(e.columnName()).isEqualTo("x");
        assertThat(e.problem()).contains("duplicate").contains("also column 2");
    }

    @Test
    void emptyColumnName() throws Exception {
        Path f = write(dir, "noname.csv", "task,,target\na,1,2\n");
        expectError(() -> CsvImporter.readTidy(f, defaults()), f, 1, 2);
    }

    @Test
    void tooFewFieldsPointsAtTheFirstMissingField() throws Exception {
        Path f = write(dir, "few.csv", "task,x1,x2,target\na,1,2,3\na,1\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 3);
        assertThat(e.columnName()).isEqualTo("x2");
        assertThat(e.problem()).contains("too few fields: 2 instead of 4");
        assertThat(e.offendingLine()).isEqualTo("a,1");
    }

    @Test
    void tooManyFieldsPointsAtTheFirstExtraField() throws Exception {
        Path f = write(dir, "many.csv", "task,x,target\na,1,2\na,1,2,3,4\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 4);
        assertThat(e.problem()).contains("too many fields: 5 instead of 3");
        assertThat(e.offendingLine()).isEqualTo("a,1,2,3,4");
    }

    @Test
    void nonNumericFeatureNamesTheColumnAndTheAllowedColumns() throws Exception {
        Path f = write(dir, "abc.csv", "task,x1,x2,target\na,1,2,3\na,1,abc,3\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 3);
        assertThat(e.columnName()).isEqualTo("x2");
        assertThat(e.problem()).contains("'abc' is not a number").contains("feature column 'x2'")
                .contains("'task'").contains("'target'").contains("'split'");
        assertThat(e.offendingLine()).isEqualTo("a,1,abc,3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "inf", "", " ", "NA", "1e999"})
    void missingOrNonFiniteFeatureIsNotSupported(String cell) throws Exception {
        Path f = write(dir, "miss.csv", "task,x1,x2,target\na,1,2,3\na,4,5,6\nb,7," + cell + ",9\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 4, 3);
        assertThat(e.problem()).contains("missing values are not supported");
    }

    @Test
    void hexadecimalAndJavaSuffixesAreNotNumbers() throws Exception {
        for (String cell : new String[] {"0x10", "1d", "2f", "1,5"}) {
            Path f = write(dir, "hex.csv", "task,x,target\na,\"" + cell + "\",1\n");
            DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 2, 2);
            assertThat(e.problem()).contains("is not a number");
        }
    }

    @Test
    void missingTarget() throws Exception {
        Path f = write(dir, "mt.csv", "task,x,target\na,1,1\na,2,\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 3);
        assertThat(e.problem()).contains("missing values are not supported");
    }

    @Test
    void emptyTaskName() throws Exception {
        Path f = write(dir, "et.csv", "task,x,target\na,1,1\n ,2,2\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 1);
        assertThat(e.problem()).contains("empty task name");
    }

    @Test
    void classificationTaskWithOneClassAtItsFirstRow() throws Exception {
        Path f = write(dir, "one.csv", "task,x,target\na,1,yes\nb,2,no\na,3,no\nb,4,no\nb,5,no\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 3);
        assertThat(e.problem()).contains("task 'b' has only class 'no'");
        assertThat(e.offendingLine()).isEqualTo("b,2,no");
    }

    @Test
    void mixedNumbersThenTextFailsAtTheFirstText() throws Exception {
        Path f = write(dir, "mix.csv", "task,x,target\na,1,1\na,2,2\nb,3,cat\nb,4,dog\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 4, 3);
        assertThat(e.problem()).contains("mixed").contains("'cat' is text").contains("line 2")
                .contains("classification");
    }

    @Test
    void mixedTextThenNumbersFailsAtTheFirstNumber() throws Exception {
        Path f = write(dir, "mix2.csv", "task,target,x\na,cat,1\na,dog,2\nb,3,3\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 4, 2);
        assertThat(e.problem()).contains("'3' is a number").contains("text label 'cat'");
    }

    @Test
    void explicitRegressionRejectsTextAtTheFirstTextValue() throws Exception {
        Path f = write(dir, "reg.csv", "task,x,target\na,1,1.5\na,2,2.5\na,3,high\na,4,low\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f,
                defaults().withTargetType(TargetType.REGRESSION)), f, 4, 3);
        assertThat(e.problem()).contains("'high' is not a number").contains("regression");
    }

    @Test
    void tooManyClassLabels() throws Exception {
        StringBuilder sb = new StringBuilder("task,x,target\n");
        for (int i = 0; i <= TargetColumn.MAX_LABELS; i++) {
            sb.append("a,").append(i).append(",id").append(i).append('\n');
        }
        Path f = write(dir, "ids.csv", sb.toString());
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f,
                TargetColumn.MAX_LABELS + 2, 3);
        assertThat(e.problem()).contains("more than " + TargetColumn.MAX_LABELS);
    }

    @Test
    void badSplitValue() throws Exception {
        Path f = write(dir, "split.csv", "task,x,target,split\na,1,1,train\na,2,2,validation\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 4);
        assertThat(e.problem()).contains("'train' or 'test'").contains("validation");
    }

    @Test
    void unclosedQuoteIsReportedAtTheRecordStart() throws Exception {
        Path f = write(dir, "quote.csv", "task,x,target\na,1,1\n\"b,2,2\na,3,3\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 0);
        assertThat(e.offendingLine()).isEqualTo("\"b,2,2");
    }

    @Test
    void errorAfterAMultiLineRecordHasThePhysicalLine() throws Exception {
        // the quoted task name spans lines 2-3, so the bad row below it is on line 5
        Path f = write(dir, "ml.csv", "task,x,target\n\"two\nlines\",1,1\nb,2,2\nb,zz,3\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 5, 2);
        assertThat(e.offendingLine()).isEqualTo("b,zz,3");
        // and an error inside a multi-line record is reported at its first line
        Path g = write(dir, "ml2.csv", "task,x,target\na,1,1\n\"two\nlines\",zz,1\n");
        expectError(() -> CsvImporter.readTidy(g, defaults()), g, 3, 2);
    }

    @Test
    void crlfErrorsHaveCleanLinesAndNumbers() throws Exception {
        Path f = write(dir, "crlf.csv", "task,x,target\r\na,1,1\r\na,abc,2\r\n");
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 2);
        assertThat(e.offendingLine()).isEqualTo("a,abc,2");
        Path g = write(dir, "cr.csv", "task,x,target\ra,1,1\ra,abc,2\r"); // old Mac line ends
        expectError(() -> CsvImporter.readTidy(g, defaults()), g, 3, 2);
    }

    @Test
    void invalidUtf8() throws Exception {
        byte[] head = "task,x,target\na,1,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = {'a', ',', '2', ',', (byte) 0xC3, (byte) 0x28, '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Path f = CsvFixtures.writeBytes(dir, "latin.csv", all);
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, 3, 3);
        assertThat(e.problem()).contains("UTF-8");
    }

    @Test
    void noSuchFile() {
        Path f = dir.resolve("absent.csv");
        expectError(() -> CsvImporter.read(f, defaults()), f, 0, 0);
    }

    @Test
    void folderFilesThatDisagreeOnColumns() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("f"));
        write(folder, "a.csv", "x1,x2,target\n1,2,3\n");
        Path b = write(folder, "b.csv", "x1,x3,target\n1,2,3\n");
        DataImportException e = expectError(() -> CsvImporter.readFolder(folder, defaults()), b, 1, 2);
        assertThat(e.problem()).contains("a.csv").contains("missing: x2").contains("x3");
        assertThat(e.offendingLine()).isEqualTo("x1,x3,target");
        Path c = write(folder, "b.csv", "x1,target\n1,3\n"); // a column fewer: no column to point at
        DataImportException e2 = expectError(() -> CsvImporter.readFolder(folder, defaults()), c, 1, 0);
        assertThat(e2.problem()).contains("missing: x2");
    }

    @Test
    void folderFileWithTaskColumnIsAnError() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("t"));
        Path a = write(folder, "a.csv", "x,task,target\n1,a,3\n");
        DataImportException e = expectError(() -> CsvImporter.readFolder(folder, defaults()), a, 1, 2);
        assertThat(e.problem()).contains("file name is the task name");
    }

    @Test
    void folderFileWithHeaderOnly() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("h"));
        write(folder, "a.csv", "x,target\n1,3\n");
        Path b = write(folder, "b.csv", "x,target\n");
        expectError(() -> CsvImporter.readFolder(folder, defaults()), b, 1, 0);
    }

    @Test
    void folderErrorsAreInTheFileAndLineOfThatFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("l"));
        write(folder, "a.csv", "x,target\n1,3\n2,4\n");
        Path b = write(folder, "b.csv", "target,x\n1,3\n2,four\n");
        expectError(() -> CsvImporter.readFolder(folder, defaults()), b, 3, 2);
    }

    @Test
    void folderWithoutCsvFiles() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("none"));
        write(folder, "readme.txt", "x");
        DataImportException e = expectError(() -> CsvImporter.read(folder, defaults()), folder, 0, 0);
        assertThat(e.problem()).contains("no .csv files");
    }

    @Test
    void folderSameTaskNameTwice() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("twice"));
        write(folder, "a.csv", "x,target\n1,3\n2,4\n");
        Path upper = write(folder, "a.CSV", "x,target\n1,3\n2,4\n");
        // "a.CSV" sorts before "a.csv"; whichever comes second is the error
        Path second = "a.CSV".compareTo("a.csv") < 0 ? folder.resolve("a.csv") : upper;
        DataImportException e = expectError(() -> CsvImporter.readFolder(folder, defaults()), second, 2, 0);
        assertThat(e.problem()).contains("two files");
    }

    @Test
    void folderMixedTargetsNameTheFileOfTheFirstTarget() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("mixed"));
        write(folder, "a.csv", "x,target\n1,1.5\n2,2.5\n3,3.5\n");
        Path b = write(folder, "b.csv", "x,target\n1,big\n");
        DataImportException e = expectError(() -> CsvImporter.readFolder(folder, defaults()), b, 2, 2);
        assertThat(e.problem()).contains("line 2 of a.csv");
    }
}
