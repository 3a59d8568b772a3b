package org.mtlworkbench.model.clustering;

import org.junit.jupiter.api.Test;
import org.mtlworkbench.model.FitContext;

class ScratchProbe {
    @Test
    void probe() {
        ReferenceDemo demo = ReferenceDemo.generate(ReferenceDemo.Prior.CLUSTERED, true, 42);
        HbData data = HbData.prepare(demo.train, HbVariant.CLUSTERING);
        HbFactory f = new HbFactory.Clustering();
        HbSettings st = HbSettings.from(HbVariant.CLUSTERING, f.defaults().with("activation", "tanh"));
        HbRun run = HbRun.start(data, st, new java.util.SplittableRandom(1));
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            int n = 200;
            for (int i = 0; i < n; i++) {
                run.step();
            }
            long t1 = System.nanoTime();
            System.out.printf("EM step: %.3f ms%n", (t1 - t0) / 1e6 / n);
        }
        HbObjective obj = new HbObjective(data, st, run.params);
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                obj.evaluate(run.params, true);
            }
            System.out.printf("evaluate: %.3f ms%n", (System.nanoTime() - t0) / 1e6 / 2000);
        }
    }
}
