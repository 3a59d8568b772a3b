package org.mtlworkbench.model.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtlworkbench.data.synthetic.GeneratedScenario;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ParamValues;

/**
 * Known answer on the block-sparse scenario (ALGORITHMS.md §8.5: 6 tasks, 10 groups of 2, groups 0 and 3 active,
 * V = [1, 1, 1, −1, −1, −1]ᵀ), seeds 1–5, with the learned priors: support F1 ≥ 0.95 by the two-cluster rule on
 * log⟨γ_i⟩ ({@link GroupSupport}); every inactive group's ⟨γ_i⟩ at least 10× every active one's; every planted
 * task correlation with its sign and |ρ| &gt; 0.8; the sign of every active weight.
 */
class SparseScenarioKnownAnswerTest {

    @ParameterizedTest
    @ValueSource(strings = {"general-gig", "student-t"})
    void recoversSupportCorrelationsAndSigns(String prior) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int seed = 1; seed <= 5; seed++) {
            GeneratedScenario sc = Scenarios.get("sparse").generate(seed);
            ParamValues pv = new SparseGigFactory().defaults().withText("prior", prior)
                    .withText("groups", "blocks").withText("rank", "1").withText("iterations", "300");
            SparseGigFit f = (SparseGigFit) new SparseGigFactory().create(pv).fit(sc.dataset(),
                    FitContext.headless(seed));
            double[] gamma = f.groupPrecision();
            boolean[] on = f.activeGroups();
            @SuppressWarnings("unchecked")
            List<Integer> active = (List<Integer>) sc.groundTruth().get("activeGroups");
            double maxActive = 0;
            double minInactive = Double.POSITIVE_INFINITY;
            for (int g = 0; g < gamma.length; g++) {
                boolean truth = active.contains(g);
                tp += on[g] && truth ? 1 : 0;
                fp += on[g] && !truth ? 1 : 0;
                fn += !on[g] && truth ? 1 : 0;
                if (truth) {
                    maxActive = Math.max(maxActive, gamma[g]);
                } else {
                    minInactive = Math.min(minInactive, gamma[g]);
                }
            }
            double[][] truthCorr = (double[][]) sc.groundTruth().get("taskCorrelation");
            double[][] corr = f.taskCorrelation();
            double weakest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < corr.length; i++) {
                for (int j = i + 1; j < corr.length; j++) {
                    // signed agreement: +|ρ| when the sign is right, negative when it is wrong
                    weakest = Math.min(weakest, Math.signum(truthCorr[i][j]) * corr[i][j]);
                }
            }
            System.out.printf("sparse %s seed %d: <gamma> %s, separation %.1fx, weakest planted correlation %.3f%n",
                    prior, seed, Arrays.toString(Arrays.stream(gamma).map(v -> Math.round(v * 10) / 10.0).toArray()),
                    minInactive / maxActive, weakest);
            assertThat(minInactive / maxActive).as("%s seed %d: inactive ⟨γ⟩ / active ⟨γ⟩", prior, seed)
                    .isGreaterThanOrEqualTo(10);
            assertThat(weakest).as("%s seed %d: every planted correlation, sign and magnitude", prior, seed)
                    .isGreaterThan(0.8);
            double[][] w = f.weights();
            double[][] wTrue = (double[][]) sc.groundTruth().get("W");
            for (int t = 0; t < w.length; t++) {
                for (int j = 0; j < w[t].length; j++) {
                    if (wTrue[t][j] != 0) {
                        assertThat(Math.signum(w[t][j])).as("%s seed %d W[%d][%d]", prior, seed, t, j)
                                .isEqualTo(Math.signum(wTrue[t][j]));
                    }
                }
            }
        }
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);
        System.out.printf("sparse %s: support F1 %.3f over 5 seeds (tp %d, fp %d, fn %d)%n", prior, f1, tp, fp, fn);
        assertThat(f1).as("%s: support F1 over 5 seeds", prior).isGreaterThanOrEqualTo(0.95);
    }
}
