package org.mtlworkbench.model.vmtl;

import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.synthetic.GeneratedScenario;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.relatedness.TaskMatrix;

/** Exploration entry point (not a test). */
public class ProbeLinked {
    static int[] seedList(int n) {
        String l = System.getProperty("seedList");
        if (l != null) return java.util.Arrays.stream(l.split(",")).mapToInt(Integer::parseInt).toArray();
        return java.util.stream.IntStream.rangeClosed(1, n).toArray();
    }

    public static void main(String[] args) {
        VmtlFactory f = new VmtlFactory();
        ParamValues p = f.defaults();
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length == 2 && !kv[0].equals("seeds")) p = p.withText(kv[0], kv[1]);
        }
        int seeds = 1;
        for (String a : args) if (a.startsWith("seeds=")) seeds = Integer.parseInt(a.substring(6));
        for (int seed : seedList(seeds)) {
            GeneratedScenario g = Scenarios.get("linked").generate(seed);
            MultiTaskDataset ds = g.dataset();
            long t0 = System.nanoTime();
            final int[] n = {0};
            var fitted = f.create(p).fit(ds, FitContext.headless(seed, s -> {
                n[0]++;
                if (s.step() % 250 == 0 || s.step() == 1) {
                    System.out.printf("step %d %s %s%n", s.step(), s.losses(), s.scalars());
                }
            }));
            double secs = (System.nanoTime() - t0) / 1e9;
            TaskMatrix a = (TaskMatrix) fitted.relatedness().get(0);
            TaskMatrix b = (TaskMatrix) fitted.relatedness().get(1);
            System.out.printf("seed %d: %d steps in %.1fs; AUC alpha %.3f beta %.3f%n", seed, n[0], secs,
                    LinkedAuc.auc(a), LinkedAuc.auc(b));
            if (System.getProperty("quiet") == null) for (double[] r : a.values()) System.out.println(java.util.Arrays.toString(
                    java.util.Arrays.stream(r).map(v -> Math.round(v * 1e6) / 1e6).toArray()));
            double acc = 0;
            for (int t = 0; t < ds.taskCount(); t++) {
                var pr = (org.mtlworkbench.model.Prediction.Classification) fitted.predict(t, ds.task(t).x());
                int[] am = pr.argmax();
                int ok = 0;
                for (int i = 0; i < am.length; i++) if (am[i] == (int) ds.task(t).y(i)) ok++;
                acc += ok / (double) am.length / ds.taskCount();
            }
            System.out.printf("train accuracy %.3f%n", acc);
        }
    }
}
