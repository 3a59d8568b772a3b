package org.mtlworkbench.model.clustering;

import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.synthetic.GeneratedScenario;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ModelSnapshot;

class ScratchProbe {
    @Test
    void probe() {
        for (String act : new String[] {"linear", "tanh"}) {
            GeneratedScenario s = Scenarios.get("gated").generate(1);
            HbFactory f = new HbFactory.Gating();
            java.util.List<ModelSnapshot> snaps = new java.util.ArrayList<>();
            long t0 = System.nanoTime();
            HbFitted fit = ((HbModel) f.create(f.defaults().with("activation", act)))
                    .fit(s.dataset(), FitContext.headless(1, snaps::add));
            long t1 = System.nanoTime();
            System.out.printf("%s: %d steps, %.1f ms, last loss %.6f first %.6f, ARI %.3f σ %.4f%n", act, snaps.size(),
                    (t1 - t0) / 1e6, snaps.get(snaps.size() - 1).totalLoss(), snaps.get(0).totalLoss(),
                    Partitions.adjustedRand(ClusterRecoveryTest.truth(s), fit.clusterOf()), fit.noiseSd());
            for (int i = 0; i < snaps.size(); i += Math.max(1, snaps.size() / 10)) {
                System.out.println("  " + snaps.get(i).step() + " " + snaps.get(i).losses() + " " + snaps.get(i).scalars());
            }
        }
    }
}
