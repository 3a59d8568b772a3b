package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mtlworkbench.data.CsvFixtures.defaults;
import static org.mtlworkbench.data.CsvFixtures.expectError;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming: big files import in bounded memory, and an error on the last line has the right line number. */
class LargeFileImportTest {

    static final int FEATURES = 8;
    static final int TASKS = 20;

    @TempDir
    Path dir;

    /** Writes rows until the file reaches {@code bytes}; returns the number of data rows. */
    static long generate(Path f, long bytes) throws IOException {
        Random r = new Random(11);
        long rows = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder("task");
            for (int j = 1; j <= FEATURES; j++) {
                line.append(",f").append(j);
            }
            line.append(",target\n");
            w.write(line.toString());
            written += line.length();
            while (written < bytes) {
                line.setLength(0);
                line.append('t').append(r.nextInt(TASKS));
                for (int j = 0; j <= FEATURES; j++) {
                    int v = r.nextInt(2_000_000) - 1_000_000; // a value with three decimals, formatted by hand
                    line.append(',').append(v / 1000).append('.').append(Math.abs(v % 1000));
                }
                line.append('\n');
                w.write(line.toString());
                written += line.length();
                rows++;
            }
        }
        return rows;
    }

    @Test
    void errorOnTheLastLineOfAFewMegabytes() throws Exception {
        Path f = dir.resolve("mid.csv");
        long rows = generate(f, 3_000_000);
        Files.writeString(f, "t1,1,2,3,4,5,6,7,8,9,extra\n", StandardOpenOption.APPEND);
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, rows + 2, FEATURES + 3);
        assertThat(e.problem()).contains("too many fields");
        assertThat(e.offendingLine()).isEqualTo("t1,1,2,3,4,5,6,7,8,9,extra");
    }

    @Test
    @Tag("slow")
    void twoHundredMegabytesInBoundedMemory() throws Exception {
        Path f = dir.resolve("big.csv");
        long rows = generate(f, 200L * 1024 * 1024);
        long primitiveBytes = rows * (FEATURES + 1) * 8L;
        // the import must fit in a heap of 4 × the values as doubles: boxed values (16+ bytes each) would not
        long heapMb = 4 * primitiveBytes / (1024 * 1024);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"),
                LargeImportProbe.class.getName(), f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("probe with -Xmx%dm failed:%n%s", heapMb, out).isZero();
        String[] result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElseThrow().split(" ");
        assertThat(Long.parseLong(result[1])).isEqualTo(rows);
        assertThat(Integer.parseInt(result[2])).isEqualTo(TASKS);
        long retained = Long.parseLong(result[3]);
        System.out.printf("200 MB import: %d rows, %d MB as doubles, %d MB retained, %s ms, -Xmx%dm%n", rows,
                primitiveBytes >> 20, retained >> 20, result[4], heapMb);
        // one double[] per row costs a 16-byte header on 64 bytes of values: about 1.3 ×
        assertThat(retained).isLessThan(2 * primitiveBytes);

        Files.writeString(f, "t1,1,2,3,4,5,6,abc,8,9\n", StandardOpenOption.APPEND);
        DataImportException e = expectError(() -> CsvImporter.readTidy(f, defaults()), f, rows + 2, 8);
        assertThat(e.columnName()).isEqualTo("f7");
        assertThat(e.offendingLine()).isEqualTo("t1,1,2,3,4,5,6,abc,8,9");
    }
}
