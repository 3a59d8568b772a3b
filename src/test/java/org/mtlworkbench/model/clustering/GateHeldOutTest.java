package org.mtlworkbench.model.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.data.synthetic.GeneratedScenario;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.numeric.HungarianMatching;

/**
 * Known answer for the gate itself: fitted on 14 of the gated scenario's 20 tasks, it must name the planted cluster
 * of each of the 6 held-out tasks from their task features alone (no rows of theirs are seen). The fitted labels
 * are arbitrary, so they are matched to the planted ones on the training tasks (Hungarian on the confusion
 * counts) before the held-out predictions are scored.
 */
class GateHeldOutTest {

    static final int HELD_OUT = 6;

    @Test
    void theGatePredictsHeldOutTasksClustersFromTheirFeatures() {
        int correct = 0;
        int total = 0;
        for (long seed : ClusterRecoveryTest.SEEDS) {
            GeneratedScenario s = Scenarios.get("gated").generate(seed);
            MultiTaskDataset all = s.dataset();
            int[] planted = ClusterRecoveryTest.truth(s);
            // every third-ish task held out, shifted by the seed so different tasks are held out on each seed
            List<Integer> heldOut = new ArrayList<>();
            List<Task> train = new ArrayList<>();
            List<Integer> trainIndex = new ArrayList<>();
            int n = all.taskCount();
            for (int i = 0; i < n; i++) {
                if (heldOut.size() < HELD_OUT && (i + seed) % 3 == 0) {
                    heldOut.add(i);
                } else {
                    train.add(all.task(i));
                    trainIndex.add(i);
                }
            }
            assertThat(heldOut).hasSize(HELD_OUT);
            MultiTaskDataset trainSet = all.withTasks(all.name() + "-train", train);
            HbFitted fit = ClusterRecoveryTest.fit(new HbFactory.Gating(), trainSet, 2, seed);

            // fitted label → planted label, matched on the training tasks
            int[] fitted = fit.clusterOf();
            double[][] overlap = new double[2][2];
            for (int t = 0; t < fitted.length; t++) {
                overlap[fitted[t]][planted[trainIndex.get(t)]] += 1;
            }
            int[] toPlanted = HungarianMatching.maximize(overlap);

            @SuppressWarnings("unchecked")
            Map<String, double[]> features = (Map<String, double[]>) s.groundTruth().get("taskFeatures");
            int seedCorrect = 0;
            StringBuilder detail = new StringBuilder();
            for (int i : heldOut) {
                String name = all.task(i).name();
                double[] gate = fit.gateFor(features.get(name));
                assertThat(gate[0] + gate[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
                int predicted = toPlanted[gate[1] > gate[0] ? 1 : 0];
                if (predicted == planted[i]) {
                    seedCorrect++;
                }
                double[] inPlantedOrder = new double[2];
                for (int a = 0; a < 2; a++) {
                    inPlantedOrder[toPlanted[a]] = gate[a];
                }
                detail.append(String.format(java.util.Locale.ROOT, " %s(f1=%.2f, planted %d, P(cluster 1)=%.3f)",
                        name, features.get(name)[0], planted[i], inPlantedOrder[1]));
            }
            // the gate is linear in the features: its log-odds for planted cluster 1 along f1 and f2 (f2 is noise)
            double base = logOdds(fit, toPlanted, 0, 0);
            System.out.printf("gated seed %d: %d/%d held-out tasks in their planted cluster; log-odds(1) = %.2f "
                            + "%+.2f f1 %+.2f f2;%s%n", seed, seedCorrect, HELD_OUT, base,
                    logOdds(fit, toPlanted, 1, 0) - base, logOdds(fit, toPlanted, 0, 1) - base, detail);
            correct += seedCorrect;
            total += HELD_OUT;
        }
        double accuracy = (double) correct / total;
        System.out.printf("gate on held-out tasks: accuracy %.3f (%d/%d) over %d seeds%n", accuracy, correct, total,
                ClusterRecoveryTest.SEEDS.length);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.9);
    }

    private static double logOdds(HbFitted fit, int[] toPlanted, double f1, double f2) {
        double[] g = fit.gateFor(new double[] {f1, f2});
        int one = toPlanted[0] == 1 ? 0 : 1;
        return Math.log(g[one] / g[1 - one]);
    }

    /**
     * The gate must read features on the training z-scoring: a held-out task with exactly a training task's
     * features gets exactly that training task's gate row (as reported in the views).
     */
    @Test
    void gateForUsesTheTrainingStandardisation() {
        GeneratedScenario s = Scenarios.get("gated").generate(11);
        MultiTaskDataset all = s.dataset();
        HbFitted fit = ClusterRecoveryTest.fit(new HbFactory.Gating(), all, 2, 11);
        var gateView = (org.mtlworkbench.relatedness.AllocationMatrix) fit.relatedness().get(2);
        for (int i = 0; i < all.taskCount(); i++) {
            double[] viaFeatures = fit.gateFor(all.taskFeatures(all.task(i).name()));
            for (int a = 0; a < 2; a++) {
                assertThat(viaFeatures[a]).isCloseTo(gateView.values()[i][a],
                        org.assertj.core.data.Offset.offset(1e-12));
            }
        }
    }
}
