package org.mtlworkbench.model.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.synthetic.GeneratedScenario;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ParamValues;

/**
 * Known answer (ALGORITHMS.md §8.7) on the conflicting scenario: six tasks on the same inputs in three groups; tasks of
 * a group have identical labels, tasks of different groups permuted ones. With routed outputs (no task head that
 * could undo a relabelling) the conflicting tasks must end up on different components, the tasks of a group on the
 * same ones: S is higher for every same-group pair than for any conflicting pair (AUC of S).
 */
class RoutingConflictingTest {

    /** What one fit gave: AUC of S (same group vs conflicting), and mean S of both kinds of pairs. */
    record Result(double auc, double sameGroup, double conflicting, double sameGroupLast, double conflictingLast) {
    }

    static Result fit(long seed, String head) {
        GeneratedScenario g = Scenarios.get("conflicting").generate(Scenarios.DEFAULT_SEED + seed);
        MultiTaskDataset data = g.dataset();
        @SuppressWarnings("unchecked")
        Map<String, String> groupOf = (Map<String, String>) g.groundTruth().get("groupOfTask");
        ParamValues p = RoutingTestData.params("head", head, "steps", "800");
        RoutingPredictor fitted = (RoutingPredictor) new RoutingFactory().create(p).fit(data, FitContext.headless(seed));
        double[][][] prob = fitted.weights().probabilities();
        int layers = prob[0].length;
        double[][] s = AllocationViews.sharing(prob);
        double[][] last = AllocationViews.sharing(prob, layers - 1, layers);
        List<String> tasks = data.taskNames();
        double wins = 0;
        int pairs = 0;
        double[] sums = new double[4];
        int[] counts = new int[2];
        for (int a = 0; a < tasks.size(); a++) {
            for (int b = a + 1; b < tasks.size(); b++) {
                boolean same = groupOf.get(tasks.get(a)).equals(groupOf.get(tasks.get(b)));
                sums[same ? 0 : 1] += s[a][b];
                sums[same ? 2 : 3] += last[a][b];
                counts[same ? 0 : 1]++;
                if (!same) {
                    continue;
                }
                for (int c = 0; c < tasks.size(); c++) {
                    for (int d = c + 1; d < tasks.size(); d++) {
                        if (!groupOf.get(tasks.get(c)).equals(groupOf.get(tasks.get(d)))) {
                            pairs++;
                            wins += s[a][b] > s[c][d] ? 1 : s[a][b] == s[c][d] ? 0.5 : 0;
                        }
                    }
                }
            }
        }
        Result r = new Result(wins / pairs, sums[0] / counts[0], sums[1] / counts[1], sums[2] / counts[0],
                sums[3] / counts[1]);
        System.out.printf(Locale.ROOT, "conflicting, seed %d, head %s: AUC %.3f; S same group %.3f, conflicting %.3f;"
                + " last layer %.3f vs %.3f%n", seed, head, r.auc(), r.sameGroup(), r.conflicting(),
                r.sameGroupLast(), r.conflictingLast());
        return r;
    }

    @Test
    void conflictingTasksShareFewerComponentsThanTasksOfAGroup() {
        Result r = fit(1, "routed");
        assertThat(r.auc()).isGreaterThan(0.9);
        assertThat(r.sameGroup() - r.conflicting()).isGreaterThan(0.3);
    }

    @Test
    @Tag("slow")
    void fiveSeeds() {
        double auc = 0;
        for (long seed = 1; seed <= 5; seed++) {
            Result r = fit(seed, "routed");
            auc += r.auc() / 5;
            assertThat(r.auc()).as("seed %d", seed).isGreaterThan(0.8);
        }
        System.out.printf(Locale.ROOT, "conflicting, 5 seeds, routed head: mean AUC %.3f%n", auc);
        assertThat(auc).isGreaterThan(0.9);
        for (long seed = 1; seed <= 5; seed++) {
            fit(seed, "task"); // printed for the model page: a task head undoes the relabelling
        }
    }
}
