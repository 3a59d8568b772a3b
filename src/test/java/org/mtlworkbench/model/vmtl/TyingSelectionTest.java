package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.Prediction;

/** {@code taskTying}: the cross-validation folds, the held-out score, and what an {@code auto} fit reports. */
class TyingSelectionTest {

    private static final VmtlFactory FACTORY = new VmtlFactory();

    private static MultiTaskDataset classes(double[] ya, double[] yb, double[] yc) {
        return new MultiTaskDataset("folds", List.of("x"), TargetType.CLASSIFICATION, List.of("no", "yes"),
                List.of(Task.of("a", new double[ya.length][1], ya), Task.of("b", new double[yb.length][1], yb),
                        Task.of("c", new double[yc.length][1], yc)));
    }

    @Test
    void foldsAreStratifiedWithinEveryTaskAndNeverEmptyATrainingSet() {
        // a: 9 rows, 3 positives; b: 2 rows; c: 1 row (never held out)
        MultiTaskDataset data = classes(new double[] {0, 1, 0, 0, 1, 0, 0, 1, 0}, new double[] {1, 0},
                new double[] {1});
        for (long seed = 0; seed < 20; seed++) {
            int[][] fold = TyingSelection.folds(data, 3, new SplittableRandom(seed));
            int[][] perClass = new int[3][2];
            for (int i = 0; i < 9; i++) {
                perClass[fold[0][i]][(int) data.task(0).y(i)]++;
            }
            for (int f = 0; f < 3; f++) {
                assertThat(perClass[f]).as("task a, fold %d, seed %d", f, seed).containsExactly(2, 1);
            }
            assertThat(fold[1]).containsExactlyInAnyOrder(0, 1); // two rows: two folds, one row each
            assertThat(fold[2]).containsExactly(-1);
        }
        // the assignment is a function of the generator's state: same seed, same folds
        assertThat(TyingSelection.folds(data, 3, new SplittableRandom(7)))
                .isDeepEqualTo(TyingSelection.folds(data, 3, new SplittableRandom(7)));
    }

    @Test
    void heldOutScoreIsMinusTheLogProbabilityOfTheTrueClassOrTheGaussianDensity() {
        MultiTaskDataset data = classes(new double[] {1, 0}, new double[] {0}, new double[] {});
        double[][][] p = {{{0.2, 0.8}, {0.6, 0.4}}, {{0.9, 0.1}}};
        double[] rows = TyingSelection.rowNlpd((task, x) -> new Prediction.Classification(p[task]), data);
        assertThat(rows).containsExactly(new double[] {-Math.log(0.8), -Math.log(0.6), -Math.log(0.9)},
                within(1e-12));

        MultiTaskDataset reg = new MultiTaskDataset("r", List.of("x"), TargetType.REGRESSION, List.of(),
                List.of(Task.of("a", new double[1][1], new double[] {2.0}), Task.of("b", new double[0][1],
                        new double[0])));
        double[] nlpd = TyingSelection.rowNlpd((task, x) -> new Prediction.Regression(new double[] {0.5},
                new double[] {4.0}), reg);
        assertThat(nlpd).containsExactly(new double[] {0.5 * Math.log(2 * Math.PI * 4.0) + 1.5 * 1.5 / 8.0},
                within(1e-12));
    }

    @Test
    void anAlternativeIsKeptOnlyWhenItsPairedAdvantageExceedsTwoStandardErrors() {
        double[] loose = {1.0, 2.0, 3.0, 4.0};
        double[] worse = {2, 3, 4, 5};
        // differences −0.5, −0.7, −0.3, −0.5: mean −0.5, sample sd √(0.08/3), se = sd/2 ≈ 0.0816 → clearly better
        double[] clear = {0.5, 1.3, 2.7, 3.5};
        TyingSelection.Choice tight = TyingSelection.decide(loose, clear, worse);
        assertThat(tight.tying()).isEqualTo(TaskTying.TIGHT);
        assertThat(tight.tight().meanDifference()).isCloseTo(-0.5, within(1e-12));
        assertThat(tight.tight().standardError()).isCloseTo(Math.sqrt(0.08 / 3) / 2, within(1e-12));
        assertThat(tight.looseNlpd()).isCloseTo(2.5, within(1e-12));
        assertThat(tight.tight().nlpd()).isCloseTo(2.0, within(1e-12));
        assertThat(tight.guarded().meanDifference()).isCloseTo(1.0, within(1e-12));
        // the same advantage on the guarded side picks it
        assertThat(TyingSelection.decide(loose, worse, clear).tying()).isEqualTo(TaskTying.GUARDED);
        // both clearly better: the lower mean NLPD wins, whichever side it is on
        double[] clearer = {0.2, 1.0, 2.4, 3.2};
        assertThat(TyingSelection.decide(loose, clear, clearer).tying()).isEqualTo(TaskTying.GUARDED);
        assertThat(TyingSelection.decide(loose, clearer, clear).tying()).isEqualTo(TaskTying.TIGHT);
        // a noisy alternative loses even to loose, and does not beat a clear one; differences −1.5, +1.1, −1.4, −0.2: mean −0.5, lower on average but within noise
        double[] noisy = {-0.5, 3.1, 1.6, 3.8};
        TyingSelection.Choice n = TyingSelection.decide(loose, noisy, worse);
        assertThat(n.tight().meanDifference()).isCloseTo(-0.5, within(1e-12));
        assertThat(n.tight().meanDifference() + 2 * n.tight().standardError()).isPositive();
        assertThat(n.tying()).isEqualTo(TaskTying.LOOSE);
        assertThat(TyingSelection.decide(loose, noisy, clear).tying()).isEqualTo(TaskTying.GUARDED);
        // worse, one row, no rows
        assertThat(TyingSelection.decide(loose, worse, worse).tying()).isEqualTo(TaskTying.LOOSE);
        assertThat(TyingSelection.decide(new double[] {1}, new double[] {0}, new double[] {0}).tying())
                .isEqualTo(TaskTying.LOOSE);
        assertThat(TyingSelection.decide(new double[0], new double[0], new double[0]).looseNlpd()).isNaN();
    }

    @Test
    void autoFitReportsItsChoiceAndEveryScoreAndSaysWhatItIsDoingBeforeTheFirstStep() {
        MultiTaskDataset data = Scenarios.get("linked").generate(3).dataset();
        List<ModelSnapshot> reports = new ArrayList<>();
        List<String> status = new ArrayList<>();
        FitContext base = FitContext.headless(5, reports::add);
        FitContext ctx = new FitContext() {
            @Override
            public long seed() {
                return base.seed();
            }

            @Override
            public org.mtlworkbench.model.LiveKnobs knobs() {
                return base.knobs();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void report(ModelSnapshot s) {
                base.report(s);
            }

            @Override
            public void status(String message) {
                assertThat(reports).as("status lines come before the first reported step").isEmpty();
                status.add(message);
            }
        };
        FACTORY.create(FACTORY.defaults().withText("steps", "30").withText("hidden", "8").withText("latent", "3"))
                .fit(data, ctx);
        assertThat(status).hasSize(3 * TyingSelection.FOLDS);
        assertThat(status.get(0)).contains("fit 1 of 9 (loose)");
        assertThat(status.get(5)).contains("fit 6 of 9 (tight)");
        assertThat(status.get(8)).contains("fit 9 of 9 (guarded)");
        assertThat(reports).hasSize(30);
        ModelSnapshot last = reports.get(29);
        double chosen = last.scalars().get(VmtlModel.TYING_CHOSEN);
        double loose = last.scalars().get("validation NLPD, loose");
        double tight = last.scalars().get("validation NLPD, tight");
        double guarded = last.scalars().get("validation NLPD, guarded");
        assertThat(loose).isFinite().isPositive();
        assertThat(tight).isFinite().isPositive();
        assertThat(guarded).isFinite().isPositive();
        double diffT = last.scalars().get("validation NLPD, tight − loose");
        double seT = last.scalars().get("validation NLPD, tight − loose, standard error");
        double diffG = last.scalars().get("validation NLPD, guarded − loose");
        double seG = last.scalars().get("validation NLPD, guarded − loose, standard error");
        assertThat(diffT).isCloseTo(tight - loose, within(1e-9));
        assertThat(diffG).isCloseTo(guarded - loose, within(1e-9));
        boolean tightClear = diffT + 2 * seT < 0;
        boolean guardedClear = diffG + 2 * seG < 0;
        double expected = tightClear && (!guardedClear || tight <= guarded) ? 1.0 : guardedClear ? 2.0 : 0.0;
        assertThat(chosen).isEqualTo(expected);
        // the reported fit is the chosen variant's: λ_z/λ_w is 1/1 for the tight one, 1e−3/0.3 for the others
        assertThat(last.scalars().get("λ_z") / last.scalars().get("λ_w"))
                .isCloseTo(chosen == 1.0 ? 1.0 : 1e-3 / 0.3, within(1e-6)); // float32 weights
    }
}
