package org.mtlworkbench.model.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.synthetic.GeneratedScenario;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ParamValues;

/** Known answers: the planted clusters of the clustered and gated scenarios, and the gate on unseen tasks. */
class ClusterRecoveryTest {

    static final long[] SEEDS = {1, 2, 3, 4, 5};

    @Test
    void clusteringRecoversThePlantedPartitionOfTheClusteredScenario() {
        for (long seed : SEEDS) {
            GeneratedScenario s = Scenarios.get("clustered").generate(seed);
            HbFitted fit = fit(new HbFactory.Clustering(), s.dataset(), 3, seed);
            double ari = Partitions.adjustedRand(truth(s), fit.clusterOf());
            System.out.printf("clustered seed %d: ARI %.3f, weights %s, σ %.4f%n", seed, ari,
                    java.util.Arrays.toString(fit.clusterWeights()), fit.noiseSd());
            assertThat(ari).as("ARI on seed %d", seed).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void gatingRecoversThePlantedPartitionOfTheGatedScenario() {
        for (long seed : SEEDS) {
            GeneratedScenario s = Scenarios.get("gated").generate(seed);
            HbFitted fit = fit(new HbFactory.Gating(), s.dataset(), 2, seed);
            double ari = Partitions.adjustedRand(truth(s), fit.clusterOf());
            System.out.printf("gated seed %d: ARI %.3f%n", seed, ari);
            assertThat(ari).as("ARI on seed %d", seed).isGreaterThanOrEqualTo(0.95);
        }
    }

    static HbFitted fit(HbFactory factory, MultiTaskDataset ds, int k, long seed) {
        ParamValues v = factory.defaults().with("clusters", k).with("activation", "linear");
        return ((HbModel) factory.create(v)).fit(ds, FitContext.headless(seed));
    }

    @SuppressWarnings("unchecked")
    static int[] truth(GeneratedScenario s) {
        Map<String, Number> c = (Map<String, Number>) s.groundTruth().get("clusterOfTask");
        List<String> names = s.dataset().taskNames();
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.get(names.get(i)).intValue();
        }
        return out;
    }
}
