package org.mtlworkbench.model.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.synthetic.GeneratedScenario;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ParamValues;

/**
 * Known answer on the block-sparse scenario (ALGORITHMS.md §8.5), 5 seeds: which feature groups are relevant,
 * the sign pattern of W, and the signs of the planted task correlations (tasks 1–3 against 4–6).
 */
class SparseScenarioKnownAnswerTest {

    @Test
    void recoversSupportAndSigns() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int rankedRight = 0;
        int corrSignsRight = 0;
        int corrPairs = 0;
        for (int seed = 1; seed <= 5; seed++) {
            GeneratedScenario sc = Scenarios.get("sparse").generate(seed);
            ParamValues pv = new SparseGigFactory().defaults().withText("prior", "ard").withText("groups", "blocks")
                    .withText("rank", "1").withText("iterations", "300");
            SparseGigFit f = (SparseGigFit) new SparseGigFactory().create(pv).fit(sc.dataset(),
                    FitContext.headless(seed));
            double[] prec = f.groupPrecision();
            @SuppressWarnings("unchecked")
            List<Integer> active = (List<Integer>) sc.groundTruth().get("activeGroups");
            // rule fixed in advance: a group is relevant when its precision is within 10× of the smallest
            double min = Arrays.stream(prec).min().orElseThrow();
            double maxActive = 0;
            double minInactive = Double.POSITIVE_INFINITY;
            for (int g = 0; g < prec.length; g++) {
                boolean predicted = prec[g] < 10 * min;
                boolean truth = active.contains(g);
                tp += predicted && truth ? 1 : 0;
                fp += predicted && !truth ? 1 : 0;
                fn += !predicted && truth ? 1 : 0;
                if (truth) {
                    maxActive = Math.max(maxActive, prec[g]);
                } else {
                    minInactive = Math.min(minInactive, prec[g]);
                }
            }
            rankedRight += maxActive < minInactive ? 1 : 0;
            double[][] truthCorr = (double[][]) sc.groundTruth().get("taskCorrelation");
            double[][] corr = f.taskCorrelation();
            for (int i = 0; i < corr.length; i++) {
                for (int j = i + 1; j < corr.length; j++) {
                    corrPairs++;
                    corrSignsRight += Math.signum(corr[i][j]) == Math.signum(truthCorr[i][j]) ? 1 : 0;
                }
            }
            // sign pattern of the weights on the active features
            double[][] w = f.weights();
            double[][] wTrue = (double[][]) sc.groundTruth().get("W");
            for (int t = 0; t < w.length; t++) {
                for (int j = 0; j < w[t].length; j++) {
                    if (wTrue[t][j] != 0) {
                        assertThat(Math.signum(w[t][j])).as("seed %d W[%d][%d]", seed, t, j)
                                .isEqualTo(Math.signum(wTrue[t][j]));
                    }
                }
            }
            System.out.printf("sparse seed %d: precision %s, separation %.1fx, corr(1,2) %.3f corr(1,4) %.3f%n", seed,
                    Arrays.toString(Arrays.stream(prec).map(v -> Math.round(v * 10) / 10.0).toArray()),
                    minInactive / maxActive, corr[0][1], corr[0][3]);
        }
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        System.out.printf("sparse: support F1 (10x rule) %.3f, ranking right %d/5, correlation signs %d/%d%n", f1,
                rankedRight, corrSignsRight, corrPairs);
        assertThat(rankedRight).as("active groups have the smallest precisions").isEqualTo(5);
        assertThat(corrSignsRight).as("signs of the planted task correlations").isEqualTo(corrPairs);
    }
}
