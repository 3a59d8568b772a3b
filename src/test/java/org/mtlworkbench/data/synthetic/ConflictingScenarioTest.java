package org.mtlworkbench.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;

class ConflictingScenarioTest {

    private static final Scenario SCENARIO = Scenarios.get("conflicting");

    @Test
    void sixFourClassTasksOnTheSameInputs() {
        MultiTaskDataset ds = SCENARIO.generate(Scenarios.DEFAULT_SEED).dataset();
        assertThat(ds.classLabels()).containsExactly("c0", "c1", "c2", "c3");
        assertThat(ds.taskCount()).isEqualTo(6);
        for (Task t : ds.tasks()) {
            assertThat(Arrays.deepEquals(t.x(), ds.task(0).x())).isTrue();
            int[] count = new int[4];
            for (double y : t.y()) {
                count[(int) y]++;
            }
            assertThat(Arrays.stream(count).min().orElseThrow()).as(t.name()).isGreaterThan(t.size() / 10);
        }
    }

    /**
     * Row by row: tasks of one group agree everywhere; for two groups, the labels of one are a fixed permutation of
     * the other's (the same class always maps to the same class, a bijection) that moves every class, so they
     * disagree on every row; and that permutation is the one planted.
     */
    @ParameterizedTest
    @ValueSource(longs = {Scenarios.DEFAULT_SEED, 1, 2})
    void labelsOfOtherGroupsAreAFixedDerangementOfEachOther(long seed) {
        GeneratedScenario g = SCENARIO.generate(seed);
        MultiTaskDataset ds = g.dataset();
        @SuppressWarnings("unchecked")
        Map<String, String> group = (Map<String, String>) g.groundTruth().get("groupOfTask");
        @SuppressWarnings("unchecked")
        Map<String, int[]> perm = (Map<String, int[]>) g.groundTruth().get("labelPermutation");
        for (Task a : ds.tasks()) {
            for (Task b : ds.tasks()) {
                int[] map = new int[4];
                Arrays.fill(map, -1);
                for (int i = 0; i < a.size(); i++) {
                    int from = (int) a.y(i);
                    int to = (int) b.y(i);
                    assertThat(map[from] == -1 || map[from] == to).as("%s → %s is a function", a.name(), b.name())
                            .isTrue();
                    map[from] = to;
                }
                assertThat(Arrays.stream(map).sorted().toArray()).containsExactly(0, 1, 2, 3);
                String ga = group.get(a.name());
                String gb = group.get(b.name());
                if (ga.equals(gb)) {
                    assertThat(b.y()).containsExactly(a.y());
                } else {
                    for (int i = 0; i < a.size(); i++) {
                        assertThat(b.y(i)).isNotEqualTo(a.y(i));
                    }
                    // planted: label_g = perm_g[base], so label_b = perm_b[perm_a⁻¹[label_a]]
                    for (int k = 0; k < 4; k++) {
                        int base = indexOf(perm.get(ga), k);
                        assertThat(map[k]).isEqualTo(perm.get(gb)[base]);
                    }
                }
            }
        }
        assertThat(g.groundTruth().get("conflictingGroups"))
                .isEqualTo(List.of(List.of("A", "B"), List.of("A", "C"), List.of("B", "C")));
    }

    @Test
    void groupALabelsAreTheNearestPrototypeClass() {
        GeneratedScenario g = SCENARIO.generate(Scenarios.DEFAULT_SEED);
        double[][] prototypes = (double[][]) g.groundTruth().get("prototypes");
        int[] prototypeClass = (int[]) g.groundTruth().get("prototypeClass");
        Task a = g.dataset().task(0);
        for (int i = 0; i < a.size(); i++) {
            double[] x = a.x()[i];
            assertThat((int) a.y(i)).isEqualTo(prototypeClass[ConflictingScenario.nearest(prototypes, x)]);
        }
    }

    /** Learnable from the data: leave-one-out 1-nearest-neighbour gets most rows right. */
    @Test
    void labellingIsLearnableByNearestNeighbour() {
        Task a = SCENARIO.generate(Scenarios.DEFAULT_SEED).dataset().task(0);
        double[][] x = a.x();
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int j = 0; j < x.length; j++) {
                double d = Estimates.distance(x[i], x[j]);
                if (j != i && d < bestDistance) {
                    bestDistance = d;
                    best = j;
                }
            }
            if (a.y(best) == a.y(i)) {
                correct++;
            }
        }
        assertThat(correct / (double) x.length).isGreaterThan(0.85);
    }

    /** Nonlinear: a linear one-vs-rest least-squares classifier (with intercept) clearly underfits the labels. */
    @Test
    void aLinearClassifierCannotFitTheLabelling() {
        Task a = SCENARIO.generate(Scenarios.DEFAULT_SEED).dataset().task(0);
        double[][] x = a.x();
        int d = x[0].length + 1;
        double[][] z = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            z[i] = Arrays.copyOf(x[i], d);
            z[i][d - 1] = 1;
        }
        double[][] w = new double[4][];
        for (int c = 0; c < 4; c++) {
            double[] target = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                target[i] = a.y(i) == c ? 1 : 0;
            }
            w[c] = Estimates.leastSquares(z, target);
        }
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            int best = 0;
            for (int c = 1; c < 4; c++) {
                if (Estimates.dot(w[c], z[i]) > Estimates.dot(w[best], z[i])) {
                    best = c;
                }
            }
            if (best == (int) a.y(i)) {
                correct++;
            }
        }
        assertThat(correct / (double) x.length).isLessThan(0.95);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v + " not in " + Arrays.toString(a));
    }
}
