package org.mtlworkbench.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;

class ClusteredScenarioTest {

    private static final Scenario SCENARIO = Scenarios.get("clustered");

    @Test
    void hasTwelveRegressionTasksOfFiftyRowsInThreeClustersOfFour() {
        GeneratedScenario g = SCENARIO.generate(Scenarios.DEFAULT_SEED);
        MultiTaskDataset ds = g.dataset();
        assertThat(ds.isClassification()).isFalse();
        assertThat(ds.taskCount()).isEqualTo(12);
        assertThat(ds.featureCount()).isEqualTo(4);
        assertThat(ds.tasks()).allSatisfy(t -> assertThat(t.size()).isEqualTo(50));
        @SuppressWarnings("unchecked")
        List<List<String>> clusters = (List<List<String>>) g.groundTruth().get("clusters");
        assertThat(clusters).hasSize(3).allSatisfy(c -> assertThat(c).hasSize(4));
    }

    /** From 20 rows per task, k-means on the least-squares weights finds exactly the planted partition. */
    @ParameterizedTest
    @ValueSource(longs = {Scenarios.DEFAULT_SEED, 1, 2, 3, 4, 5})
    void leastSquaresWeightsFromTwentyRowsClusterByThePlantedLabels(long seed) {
        GeneratedScenario g = SCENARIO.generate(seed);
        double[][] estimated = estimatedWeights(g.dataset(), 20);
        int[] planted = plantedClusters(g);

        assertThat(Estimates.samePartition(Estimates.kMeans(estimated, 3), planted)).isTrue();

        double maxWithin = 0;
        double minBetween = Double.POSITIVE_INFINITY;
        double sumWithin = 0;
        double sumBetween = 0;
        int nWithin = 0;
        int nBetween = 0;
        for (int i = 0; i < estimated.length; i++) {
            for (int j = i + 1; j < estimated.length; j++) {
                double d = Estimates.distance(estimated[i], estimated[j]);
                if (planted[i] == planted[j]) {
                    maxWithin = Math.max(maxWithin, d);
                    sumWithin += d;
                    nWithin++;
                } else {
                    minBetween = Math.min(minBetween, d);
                    sumBetween += d;
                    nBetween++;
                }
            }
        }
        assertThat(maxWithin).isLessThan(minBetween);
        assertThat(sumWithin / nWithin).isLessThan(0.3 * (sumBetween / nBetween));
    }

    @Test
    void plantedTaskWeightsAreWhatTheDataSay() {
        GeneratedScenario g = SCENARIO.generate(Scenarios.DEFAULT_SEED);
        @SuppressWarnings("unchecked")
        Map<String, double[]> truth = (Map<String, double[]>) g.groundTruth().get("taskWeights");
        double[][] estimated = estimatedWeights(g.dataset(), 50);
        for (int i = 0; i < estimated.length; i++) {
            // noise sd 0.1 over 50 standard-normal rows: estimation error sd ≈ 0.015
            assertThat(Estimates.distance(estimated[i], truth.get(g.dataset().task(i).name()))).isLessThan(0.1);
        }
    }

    static double[][] estimatedWeights(MultiTaskDataset ds, int rows) {
        double[][] w = new double[ds.taskCount()][];
        for (int i = 0; i < ds.taskCount(); i++) {
            Task t = ds.task(i);
            w[i] = Estimates.leastSquares(t.x(), t.y(), Math.min(rows, t.size()));
        }
        return w;
    }

    static int[] plantedClusters(GeneratedScenario g) {
        @SuppressWarnings("unchecked")
        Map<String, Integer> of = (Map<String, Integer>) g.groundTruth().get("clusterOfTask");
        int[] labels = new int[g.dataset().taskCount()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = of.get(g.dataset().task(i).name());
        }
        return labels;
    }
}
