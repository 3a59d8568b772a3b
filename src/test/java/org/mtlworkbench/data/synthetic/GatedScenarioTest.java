package org.mtlworkbench.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;

class GatedScenarioTest {

    private static final Scenario SCENARIO = Scenarios.get("gated");

    @Test
    void everyTaskHasTwoTaskFeaturesAndTheGroundTruthRepeatsThem() {
        GeneratedScenario g = SCENARIO.generate(Scenarios.DEFAULT_SEED);
        MultiTaskDataset ds = g.dataset();
        assertThat(ds.taskFeatureNames()).containsExactly("f1", "f2");
        @SuppressWarnings("unchecked")
        Map<String, double[]> truth = (Map<String, double[]>) g.groundTruth().get("taskFeatures");
        for (String task : ds.taskNames()) {
            assertThat(ds.taskFeatures(task)).hasSize(2).containsExactly(truth.get(task));
        }
    }

    @Test
    void bothClustersHaveAtLeastFourTasksForManySeeds() {
        LongStream.concat(LongStream.of(Scenarios.DEFAULT_SEED), LongStream.rangeClosed(1, 30)).forEach(seed -> {
            int[] planted = ClusteredScenarioTest.plantedClusters(SCENARIO.generate(seed));
            long ones = java.util.Arrays.stream(planted).filter(c -> c == 1).count();
            assertThat(ones).as("seed %d", seed).isBetween(4L, (long) planted.length - 4);
        });
    }

    @Test
    void plantedClusterIsTheSignOfTheFirstTaskFeature() {
        GeneratedScenario g = SCENARIO.generate(Scenarios.DEFAULT_SEED);
        int[] planted = ClusteredScenarioTest.plantedClusters(g);
        for (int i = 0; i < planted.length; i++) {
            double f1 = g.dataset().taskFeatures(g.dataset().task(i).name())[0];
            assertThat(planted[i]).isEqualTo(f1 > 0 ? 1 : 0);
        }
    }

    /** The partition the data show (k-means on per-task least squares) is the partition by sign of f1. */
    @Test
    void dataClustersAreAFunctionOfTheTaskFeatureSign() {
        for (long seed : new long[] {Scenarios.DEFAULT_SEED, 7, 8, 9}) {
            GeneratedScenario g = SCENARIO.generate(seed);
            MultiTaskDataset ds = g.dataset();
            int[] fromData = Estimates.kMeans(ClusteredScenarioTest.estimatedWeights(ds, 20), 2);
            int[] bySign = new int[ds.taskCount()];
            for (int i = 0; i < bySign.length; i++) {
                bySign[i] = ds.taskFeatures(ds.task(i).name())[0] > 0 ? 1 : 0;
            }
            assertThat(Estimates.samePartition(fromData, bySign)).as("seed %d", seed).isTrue();
        }
    }
}
