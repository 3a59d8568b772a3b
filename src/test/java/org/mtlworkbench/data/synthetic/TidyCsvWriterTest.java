package org.mtlworkbench.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.data.TargetType;

class TidyCsvWriterTest {

    @Test
    void exactFormattingIsShortAndParsesBackToTheSameDouble() {
        assertThat(TidyCsvWriter.formatNumber(0.1, TidyCsvWriter.EXACT)).isEqualTo("0.1");
        assertThat(TidyCsvWriter.formatNumber(-2.5, TidyCsvWriter.EXACT)).isEqualTo("-2.5");
        assertThat(TidyCsvWriter.formatNumber(100, TidyCsvWriter.EXACT)).isEqualTo("100");
        assertThat(TidyCsvWriter.formatNumber(0.0, TidyCsvWriter.EXACT)).isEqualTo("0");
        assertThat(TidyCsvWriter.formatNumber(1.0 / 3, TidyCsvWriter.EXACT)).isEqualTo("0.3333333333333333");
        Random r = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextGaussian();
                case 1 -> r.nextGaussian() * Math.pow(10, r.nextInt(600) - 300);
                case 2 -> Double.longBitsToDouble(r.nextLong());
                default -> Math.round(r.nextGaussian() * 1e6) / 1e6;
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            String text = TidyCsvWriter.formatNumber(v, TidyCsvWriter.EXACT);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(v);
            assertThat(text).doesNotContain(",");
        }
    }

    @Test
    void roundedFormattingKeepsTheRequestedSignificantDigits() {
        assertThat(TidyCsvWriter.formatNumber(Math.PI, 6)).isEqualTo("3.14159");
        assertThat(TidyCsvWriter.formatNumber(-123456789.0, 3)).isEqualTo("-123000000");
        assertThat(TidyCsvWriter.formatNumber(1.5e-9, 10)).isEqualTo("1.5E-9");
        Random r = new Random(2);
        for (int i = 0; i < 5_000; i++) {
            double v = r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            double back = Double.parseDouble(TidyCsvWriter.formatNumber(v, 10));
            assertThat(Math.abs(back - v)).isLessThanOrEqualTo(5e-10 * Math.abs(v) * 1.0000001);
        }
        assertThatThrownBy(() -> TidyCsvWriter.formatNumber(1, 18)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTidyRowsWithLabelTextAndQuotesAwkwardTaskNames(@TempDir Path dir) throws IOException {
        Task a = Task.of("school, north", new double[][] {{0.1, 2}, {3, -4e-7}}, new double[] {1, 0});
        Task b = Task.of("b", new double[][] {{5, 6}}, new double[] {1});
        MultiTaskDataset ds = new MultiTaskDataset("toy", List.of("f1", "f2"), TargetType.CLASSIFICATION,
                List.of("no", "yes"), List.of(a, b), List.of("size"), Map.of("b", new double[] {7.25}));
        Path file = dir.resolve("toy.csv");
        TidyCsvWriter.write(ds, file);
        assertThat(Files.readString(file)).isEqualTo("task,f1,f2,target\n"
                + "\"school, north\",0.1,2,yes\n"
                + "\"school, north\",3,-4E-7,no\n"
                + "b,5,6,yes\n");
        try (Reader in = Files.newBufferedReader(file)) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(in).getRecords();
            assertThat(rows.get(1).get("task")).isEqualTo("school, north");
            assertThat(Double.parseDouble(rows.get(1).get("f2"))).isEqualTo(-4e-7);
        }
        Path tasks = dir.resolve("toy_tasks.csv");
        TidyCsvWriter.writeTaskFeatures(ds, tasks);
        assertThat(Files.readString(tasks)).isEqualTo("task,size\nb,7.25\n");
    }

    @Test
    void refusesTaskFeaturesThatAreNotThereAndReservedFeatureNames(@TempDir Path dir) {
        MultiTaskDataset plain = new MultiTaskDataset("p", List.of("target"), TargetType.REGRESSION, List.of(),
                List.of(Task.of("a", new double[][] {{1}}, new double[] {2})));
        assertThatThrownBy(() -> TidyCsvWriter.writeTaskFeatures(plain, dir.resolve("t.csv")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TidyCsvWriter.write(plain, dir.resolve("p.csv")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
    }
}
