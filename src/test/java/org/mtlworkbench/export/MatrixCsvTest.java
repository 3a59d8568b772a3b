package org.mtlworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;
import org.mtlworkbench.relatedness.TaskTree.Node;

class MatrixCsvTest {

    @TempDir
    Path dir;

    static List<CSVRecord> read(Path f) throws IOException {
        try (Reader r = Files.newBufferedReader(f)) {
            return CSVFormat.DEFAULT.parse(r).getRecords();
        }
    }

    @Test
    void taskMatrixRoundTripsBitForBit() throws IOException {
        List<String> tasks = List.of("school 1", "a,b", "say \"hi\"", "Zürich");
        double[][] v = {
            {1.0, 1.0 / 3, -2.5e-300, Double.NaN},
            {0.1, 0.2, 0.30000000000000004, -0.0},
            {Double.MAX_VALUE, Double.MIN_VALUE, 7, 8},
            {-1, 2.718281828459045, 3.141592653589793, 1e22}};
        TaskMatrix m = new TaskMatrix("α", tasks, v, false);
        Path f = dir.resolve("m.csv");
        MatrixCsv.write(m, f);
        TaskMatrix back = MatrixCsv.readTaskMatrix(f, "α", false);
        assertThat(back.tasks()).isEqualTo(tasks);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(Double.doubleToRawLongBits(back.get(i, j)))
                        .as("[%d][%d]", i, j).isEqualTo(Double.doubleToRawLongBits(v[i][j]));
            }
        }
        List<CSVRecord> rec = read(f);
        assertThat(rec.get(0).toList()).containsExactly("task", "school 1", "a,b", "say \"hi\"", "Zürich");
        assertThat(rec).extracting(r -> r.get(0)).containsExactly("task", "school 1", "a,b", "say \"hi\"", "Zürich");
    }

    @Test
    void allocationAndSparsityHaveLabelledRowsAndColumns() throws IOException {
        AllocationMatrix a = new AllocationMatrix("use", List.of("t1", "t2"), List.of("c1", "c2", "c3"),
                new double[][] {{0.5, 0.25, 0.25}, {0, 1, 0}});
        Path fa = dir.resolve("a.csv");
        MatrixCsv.write(a, fa);
        List<CSVRecord> ra = read(fa);
        assertThat(ra.get(0).toList()).containsExactly("task", "c1", "c2", "c3");
        assertThat(ra.get(2).toList()).containsExactly("t2", "0.0", "1.0", "0.0");

        GroupSparsity g = new GroupSparsity("γ", List.of("g1", "g2"), new double[] {1.5, 1e6},
                List.of("t1", "t2", "t3"), new double[][] {{1, 2}, {3, 4}, {5, 6}});
        Path fg = dir.resolve("g.csv");
        MatrixCsv.write(g, fg);
        List<CSVRecord> rg = read(fg);
        assertThat(rg.get(0).toList()).containsExactly("group", "precision", "t1", "t2", "t3");
        assertThat(rg.get(2).toList()).containsExactly("g2", "1000000.0", "2.0", "4.0", "6.0");

        GroupSparsity noNorms = new GroupSparsity("γ", List.of("g1"), new double[] {2}, List.of(), new double[0][]);
        MatrixCsv.write(noNorms, fg);
        assertThat(read(fg).get(0).toList()).containsExactly("group", "precision");
    }

    @Test
    void newickOfAKnownTree() throws IOException {
        TaskTree t = new TaskTree("tree", Node.merge(Node.merge(Node.leaf("a"), Node.leaf("b"), 1.0),
                Node.leaf("task c"), 1.5));
        Path f = dir.resolve("t.nwk");
        NewickFile.write(t, f);
        assertThat(Files.readString(f)).isEqualTo("((a:1.00000,b:1.00000):0.500000,'task c':1.50000);\n");
    }
}
