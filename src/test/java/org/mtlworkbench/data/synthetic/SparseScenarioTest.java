package org.mtlworkbench.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;

class SparseScenarioTest {

    private static final Scenario SCENARIO = Scenarios.get("sparse");

    @Test
    void allSixTasksShareTheSameTwoHundredInputRows() {
        MultiTaskDataset ds = SCENARIO.generate(Scenarios.DEFAULT_SEED).dataset();
        assertThat(ds.taskCount()).isEqualTo(6);
        assertThat(ds.featureCount()).isEqualTo(20);
        double[][] x0 = ds.task(0).x();
        assertThat(x0).hasNumberOfRows(200);
        for (Task t : ds.tasks()) {
            assertThat(Arrays.deepEquals(t.x(), x0)).as(t.name()).isTrue();
        }
    }

    @Test
    void plantedWeightsAreExactlyZeroOutsideTheActiveGroupsAndLargeInside() {
        GeneratedScenario g = SCENARIO.generate(Scenarios.DEFAULT_SEED);
        double[][] w = (double[][]) g.groundTruth().get("W");
        boolean[] active = activeColumns(g);
        assertThat(g.groundTruth().get("activeGroups")).isEqualTo(List.of(0, 3));
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                if (active[j]) {
                    assertThat(Math.abs(row[j])).isGreaterThan(0.9);
                } else {
                    assertThat(row[j]).isEqualTo(0.0);
                }
            }
        }
    }

    /**
     * Least squares on the data alone: the inactive groups' weights are at noise level, the active ones large, with
     * the planted sign pattern (t01–t03 one way, t04–t06 the other) and task correlations of ±1.
     */
    @ParameterizedTest
    @ValueSource(longs = {Scenarios.DEFAULT_SEED, 1, 2, 3})
    void leastSquaresOnTheDataShowsTheSupportAndTheSignPattern(long seed) {
        GeneratedScenario g = SCENARIO.generate(seed);
        MultiTaskDataset ds = g.dataset();
        boolean[] active = activeColumns(g);
        @SuppressWarnings("unchecked")
        Map<String, Integer> sign = (Map<String, Integer>) g.groundTruth().get("taskSign");
        double[][] w = ClusteredScenarioTest.estimatedWeights(ds, 200);

        double[] groupNorm = new double[10];
        for (int p = 0; p < w.length; p++) {
            for (int j = 0; j < 20; j++) {
                groupNorm[j / 2] += w[p][j] * w[p][j];
                if (active[j]) {
                    assertThat(Math.abs(w[p][j])).isGreaterThan(0.5);
                    // same sign as task 0 when the task signs agree, opposite otherwise
                    int expected = sign.get(ds.task(p).name()) * sign.get(ds.task(0).name());
                    assertThat(Math.signum(w[p][j]) * Math.signum(w[0][j])).isEqualTo((double) expected);
                } else {
                    // noise sd 0.5 over 200 rows: estimation error sd ≈ 0.036
                    assertThat(Math.abs(w[p][j])).isLessThan(0.2);
                }
            }
        }
        double minActive = Math.min(groupNorm[0], groupNorm[3]);
        double maxInactive = 0;
        for (int gi = 0; gi < 10; gi++) {
            if (gi != 0 && gi != 3) {
                maxInactive = Math.max(maxInactive, groupNorm[gi]);
            }
        }
        assertThat(minActive).isGreaterThan(100 * maxInactive);

        for (int p = 0; p < w.length; p++) {
            for (int q = 0; q < w.length; q++) {
                double r = Estimates.pearson(w[p], w[q]);
                int expected = sign.get(ds.task(p).name()) * sign.get(ds.task(q).name());
                assertThat(r * expected).as("corr(%d,%d)", p, q).isGreaterThan(0.95);
            }
        }
    }

    private static boolean[] activeColumns(GeneratedScenario g) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) g.groundTruth().get("activeFeatures");
        boolean[] active = new boolean[g.dataset().featureCount()];
        for (int j = 0; j < active.length; j++) {
            active[j] = names.contains(g.dataset().featureNames().get(j));
        }
        assertThat(names).containsExactly("x1", "x2", "x7", "x8");
        return active;
    }
}
