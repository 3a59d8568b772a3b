package org.mtlworkbench.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;

class LinkedScenarioTest {

    private static final Scenario SCENARIO = Scenarios.get("linked");

    @Test
    void sixBinaryTasksWithBothLabelsWellRepresented() {
        MultiTaskDataset ds = SCENARIO.generate(Scenarios.DEFAULT_SEED).dataset();
        assertThat(ds.isClassification()).isTrue();
        assertThat(ds.classLabels()).containsExactly("0", "1");
        assertThat(ds.taskCount()).isEqualTo(6);
        for (Task t : ds.tasks()) {
            double ones = java.util.Arrays.stream(t.y()).sum();
            assertThat(t.size()).isBetween(40, 100);
            assertThat(ones / t.size()).as(t.name()).isBetween(0.15, 0.85);
        }
    }

    @Test
    void partnersArePairsZeroOneAndTwoThreeAndTheRestIndependent() {
        @SuppressWarnings("unchecked")
        Map<String, String> partner =
                (Map<String, String>) SCENARIO.generate(Scenarios.DEFAULT_SEED).groundTruth().get("partner");
        assertThat(partner).containsEntry("t01", "t02").containsEntry("t02", "t01")
                .containsEntry("t03", "t04").containsEntry("t04", "t03")
                .containsEntry("t05", null).containsEntry("t06", null);
    }

    /**
     * Per-task logistic regressions fitted to the data: each linked task's classifier direction is much closer to
     * its partner's than to any other task's, and independent tasks have no task close to them.
     */
    @ParameterizedTest
    @ValueSource(longs = {Scenarios.DEFAULT_SEED, 1, 2, 3, 4, 5})
    void estimatedClassifiersOfPartnersAreCloseAndOthersFarApart(long seed) {
        GeneratedScenario g = SCENARIO.generate(seed);
        MultiTaskDataset ds = g.dataset();
        @SuppressWarnings("unchecked")
        Map<String, String> partner = (Map<String, String>) g.groundTruth().get("partner");
        double[] direction = new double[ds.taskCount()];
        for (int i = 0; i < direction.length; i++) {
            double[] w = Estimates.logistic(ds.task(i).x(), ds.task(i).y());
            direction[i] = Math.toDegrees(Math.atan2(w[1], w[0]));
        }
        for (int i = 0; i < direction.length; i++) {
            String p = partner.get(ds.task(i).name());
            for (int j = 0; j < direction.length; j++) {
                if (i == j) {
                    continue;
                }
                double angle = angleBetween(direction[i], direction[j]);
                if (ds.task(j).name().equals(p)) {
                    assertThat(angle).as("seed %d: %d vs partner %d", seed, i, j).isLessThan(30);
                } else {
                    assertThat(angle).as("seed %d: %d vs unrelated %d", seed, i, j).isGreaterThan(50);
                }
            }
        }
    }

    private static double angleBetween(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return d > 180 ? 360 - d : d;
    }
}
