package org.mtlworkbench.model.vmtl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.FitContext;

/** Exploration entry point (not a test): steps/s at benchmark shapes. */
public class ProbeSpeed {
    static MultiTaskDataset random(int tasks, int rows, int d, int classes) {
        SplittableRandom r = new SplittableRandom(1);
        List<Task> ts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) labels.add("c" + c);
        List<String> f = new ArrayList<>();
        for (int i = 0; i < d; i++) f.add("f" + i);
        for (int t = 0; t < tasks; t++) {
            double[][] x = new double[rows][d];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) { for (int j = 0; j < d; j++) x[i][j] = r.nextGaussian(); y[i] = r.nextInt(classes); }
            ts.add(Task.of("t" + t, x, y));
        }
        return new MultiTaskDataset("r", f, TargetType.CLASSIFICATION, labels, ts);
    }

    public static void main(String[] args) {
        boolean loop = args.length > 0 && args[0].equals("loop");
        for (var cfg : new int[][] {{29, 500, 9, 2}, {4, 600, 800, 10}}) {
            MultiTaskDataset ds = random(cfg[0], cfg[1], cfg[2], cfg[3]);
            var pv = new VmtlFactory().defaults();
            for (String a : args) { String[] kv = a.split("=", 2); if (kv.length == 2) pv = pv.withText(kv[0], kv[1]); }
            VmtlSettings s = VmtlSettings.from(pv);
            FitContext ctx = FitContext.headless(1);
            try (VmtlTrainer tr = new VmtlTrainer(ds, s, 1, ctx::random)) {
                for (int i = 1; i <= 30; i++) tr.step(i, 1.0, loop);
                int n = loop ? 60 : 300;
                var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int i = 1; i <= n; i++) tr.step(30 + i, 1.0, loop);
                double secs = (System.nanoTime() - t0) / 1e9;
                double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                System.out.printf("T=%d D=%d %s: %.1f steps/s wall, %.1f steps/s per thread-CPU second%n", cfg[0], cfg[2], loop ? "loop" : "batched", n / secs, n / cpu);
            }
        }
    }
}
