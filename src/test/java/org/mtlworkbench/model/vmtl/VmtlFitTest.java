package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.Scalars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.TaskMatrix;

/** A fit's contract: what each step reports, the live τ knob, NaN handling, batched = per-task loop. */
class VmtlFitTest {

    private static final VmtlFactory FACTORY = new VmtlFactory();

    private static ParamValues small() {
        return FACTORY.defaults().withText("taskTying", "loose").withText("steps", "12").withText("hidden", "8")
                .withText("latent", "3")
                .withText("batchSize", "4").withText("predictSamples", "4");
    }

    @Test
    void registeredUnderItsId() {
        assertThat(ModelRegistry.load().get("vmtl")).isInstanceOf(VmtlFactory.class);
        assertThat(FACTORY.params().stream().filter(p -> p.name().equals("tau")).findFirst().orElseThrow().live())
                .isTrue();
    }

    @Test
    void everyStepReportsTheElboTermsTauAndRowStochasticAlphaAndBeta() {
        MultiTaskDataset data = VmtlObjectiveTest.tinyData(false, new SplittableRandom(1));
        List<ModelSnapshot> seen = new ArrayList<>();
        FittedModel fitted = FACTORY.create(small()).fit(data, FitContext.headless(3, seen::add));
        assertThat(seen).hasSize(12);
        for (ModelSnapshot s : seen) {
            assertThat(s.losses().keySet()).containsExactly(VmtlModel.LOSS_TOTAL, VmtlModel.LOSS_LIKELIHOOD,
                    VmtlModel.LOSS_KL_Z, VmtlModel.LOSS_KL_W, VmtlModel.LOSS_LOGIT_PRIOR);
            assertThat(s.totalLoss()).isFinite().isPositive();
            assertThat(s.scalars()).containsKeys("τ", "λ_w", "λ_z");
            assertThat(s.views()).hasSize(2);
            for (Object v : s.views()) {
                TaskMatrix m = (TaskMatrix) v;
                for (int i = 0; i < m.size(); i++) {
                    assertThat(m.get(i, i)).isZero();
                    assertThat(java.util.Arrays.stream(m.values()[i]).sum()).isCloseTo(1.0, within(1e-9));
                }
            }
            assertThat(s.current()).isNotNull();
        }
        Prediction.Classification p = (Prediction.Classification) fitted.predict(1, data.task(1).x());
        assertThat(p.size()).isEqualTo(5);
        for (double[] row : p.probabilities()) {
            assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-9));
        }
        assertThat(fitted.relatedness()).hasSize(2);
    }

    @Test
    void aTauSetThroughTheKnobIsUsedFromTheNextStep() {
        MultiTaskDataset data = VmtlObjectiveTest.tinyData(false, new SplittableRandom(2));
        List<Double> taus = new ArrayList<>();
        FitContext[] ctx = new FitContext[1];
        ctx[0] = FitContext.headless(5, s -> {
            taus.add(s.scalars().get("τ"));
            if (s.step() == 4) {
                ctx[0].knobs().set(VmtlFactory.TAU, 0.123);
            }
        });
        VmtlSettings settings = VmtlSettings.from(small());
        FACTORY.create(small()).fit(data, ctx[0]);
        for (int step = 1; step <= 4; step++) {
            assertThat(taus.get(step - 1)).isEqualTo(settings.scheduledTau(step));
        }
        assertThat(taus.get(3)).isNotEqualTo(0.123);
        for (int step = 5; step <= 12; step++) {
            assertThat(taus.get(step - 1)).isEqualTo(0.123);
        }
    }

    @Test
    void aNonFiniteLossStopsTheFitAndKeepsTheLastGoodState() {
        SplittableRandom rng = new SplittableRandom(3);
        MultiTaskDataset clean = VmtlObjectiveTest.tinyData(false, rng);
        List<Task> tasks = new ArrayList<>(clean.tasks());
        double[][] x = tasks.get(0).x();
        x[2][1] = Double.NaN; // drawn sooner or later: batches of 2 out of 4 rows
        tasks.set(0, Task.of("t0", x, tasks.get(0).y()));
        MultiTaskDataset poisoned = clean.withTasks("poisoned", tasks);
        ParamValues p = small().withText("batchSize", "1").withText("steps", "200");
        double[][] probe = clean.task(1).x();
        List<ModelSnapshot> seen = new ArrayList<>();
        List<double[][]> predictions = new ArrayList<>();
        // the poisoned row is drawn at a step that depends on the seed: take the first seed that trains a while
        for (long seed = 1; seed <= 20 && seen.size() < 2; seed++) {
            seen.clear();
            predictions.clear();
            long s0 = seed;
            assertThatThrownBy(() -> FACTORY.create(p).fit(poisoned, FitContext.headless(s0, s -> {
                seen.add(s);
                predictions.add(((Prediction.Classification) s.current().predict(1, probe)).probabilities());
            }))).isInstanceOf(FitFailedException.class).hasMessageContaining("VMTL diverged at step")
                    .hasMessageContaining("not finite").hasMessageContaining("are kept");
        }
        assertThat(seen).hasSizeBetween(2, 199);
        // the state last reported survives the end of the fit and still predicts exactly as it did then
        FittedModel last = seen.get(seen.size() - 1).current();
        double[][] now = ((Prediction.Classification) last.predict(1, probe)).probabilities();
        assertThat(now).isDeepEqualTo(predictions.get(predictions.size() - 1));
        for (double[] row : now) {
            for (double v : row) {
                assertThat(v).isFinite();
            }
        }
    }

    @Test
    void aNonFiniteGradientWithAFiniteLossSkipsTheUpdateAndTenInARowStopTheFit() {
        MultiTaskDataset data = VmtlObjectiveTest.tinyData(false, new SplittableRandom(4));
        VmtlSettings s = VmtlSettings.from(small());
        FitContext ctx = FitContext.headless(5);
        try (VmtlTrainer trainer = new VmtlTrainer(data, s, 5, ctx::random)) {
            trainer.gradientFault = step -> step == 3 || step >= 6;
            trainer.step(1, 1.0);
            trainer.step(2, 1.0);
            float[] before = trainer.weights().wMean();
            VmtlTrainer.Outcome skipped = trainer.step(3, 1.0);
            assertThat(skipped.skippedSteps()).isEqualTo(1);
            assertThat(skipped.total()).isFinite();
            assertThat(trainer.weights().wMean()).containsExactly(before); // the update was not applied
            trainer.step(4, 1.0); // the gradient was zeroed: the next step trains normally
            float[] after = trainer.weights().wMean();
            assertThat(after).isNotEqualTo(before);
            for (float f : after) {
                assertThat(f).isFinite();
            }
            trainer.step(5, 1.0);
            float[] lastGood = trainer.weights().wMean();
            for (int step = 6; step <= 14; step++) {
                assertThat(trainer.step(step, 1.0).skippedSteps()).isEqualTo(step - 4);
            }
            assertThatThrownBy(() -> trainer.step(15, 1.0)).isInstanceOf(FitFailedException.class)
                    .hasMessageContaining("not been finite for 10 steps in a row")
                    .hasMessageContaining("parameters of step 5 are kept");
            assertThat(trainer.weights().wMean()).containsExactly(lastGood);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"plain", "extended", "shared σ₀"})
    void batchedStepEqualsThePerTaskLoop(String variant) {
        MultiTaskDataset data = VmtlObjectiveTest.tinyData(false, new SplittableRandom(6));
        ParamValues extended = small().withText("classWeighting", "balanced").withText("nullStd", "1")
                .withText("skip", "true").withText("classifierSkip", "true").withText("learnNullStd", "true");
        VmtlSettings s = VmtlSettings.from(switch (variant) {
            case "extended" -> extended;
            case "shared σ₀" -> extended.withText("sharedNullScales", "true"); // every task's loss moves one σ₀ row
            default -> small();
        });
        FitContext ctx = FitContext.headless(8);
        try (VmtlTrainer batched = new VmtlTrainer(data, s, 8, ctx::random);
             VmtlTrainer loop = new VmtlTrainer(data, s, 8, ctx::random)) {
            for (int step = 1; step <= 3; step++) {
                VmtlTrainer.Outcome a = batched.step(step, 0.8, false);
                VmtlTrainer.Outcome b = loop.step(step, 0.8, true);
                // step 1: the same parameters, so the same loss up to float32 rounding; later steps: Adam's
                // normalised update turns rounding-level gradient differences into parameter differences
                double tolerance = step == 1 ? 1e-5 : 1e-3;
                assertThat(b.total()).as("step %d", step).isCloseTo(a.total(), within(tolerance * Math.abs(a.total())));
                assertThat(b.klW()).as("step %d", step).isCloseTo(a.klW(),
                        within(tolerance * Math.abs(a.klW()) + 1e-6));
            }
            float[] wa = batched.weights().wMean();
            float[] wb = loop.weights().wMean();
            for (int i = 0; i < wa.length; i++) {
                assertThat(wb[i]).isCloseTo(wa[i], within(1e-4f));
            }
        }
    }

    // Was quarantined (about one run in three diverged): DJL's mul/div by a number freed what autograd kept, and the
    // backward pass read freed memory now and then; see docs/decisions/0031-vmtl-stability.md (Scalars).
    @Test
    void trainingLowersTheLossAndRegressionPredictsWithUncertainty() {
        SplittableRandom rng = new SplittableRandom(9);
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            double[][] x = new double[60][2];
            double[] y = new double[60];
            for (int r = 0; r < 60; r++) {
                x[r][0] = rng.nextGaussian();
                x[r][1] = rng.nextGaussian();
                y[r] = 10 + 3 * x[r][0] - 2 * x[r][1] + 0.3 * rng.nextGaussian();
            }
            tasks.add(Task.of("r" + t, x, y));
        }
        MultiTaskDataset data = new MultiTaskDataset("reg", List.of("a", "b"),
                org.mtlworkbench.data.TargetType.REGRESSION, List.of(), tasks);
        List<Double> losses = new ArrayList<>();
        double[] skipped = new double[1];
        // A constant KL weight keeps the objective the same at every step (the warm-up schedule raises λ_w, and with it
        // the negative ELBO, during the first steps), so early and late losses are comparable.
        FittedModel fitted = FACTORY.create(FACTORY.defaults().withText("taskTying", "loose").withText("steps", "400")
                        .withText("batchSize", "0")
                        .withText("klSchedule", "constant"))
                .fit(data, FitContext.headless(2, s -> {
                    losses.add(s.totalLoss());
                    skipped[0] = s.scalars().get(VmtlModel.SKIPPED);
                }));
        System.out.printf(java.util.Locale.ROOT, "regression fit: %.0f of 400 updates skipped%n", skipped[0]);
        double early = losses.subList(0, 20).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double late = losses.subList(380, 400).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(late).isLessThan(early / 2);
        Prediction.Regression p = (Prediction.Regression) fitted.predict(0, tasks.get(0).x());
        double sse = 0;
        double sst = 0;
        double[] y = tasks.get(0).y();
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        for (int r = 0; r < y.length; r++) {
            sse += Math.pow(y[r] - p.mean()[r], 2);
            sst += Math.pow(y[r] - mean, 2);
            assertThat(p.variance()[r]).isPositive().isFinite();
        }
        assertThat(1 - sse / sst).isGreaterThan(0.9); // explained variance on the training rows
    }

    @Test
    void oneTaskIsRejectedWithAReason() {
        MultiTaskDataset data = VmtlObjectiveTest.tinyData(false, new SplittableRandom(1));
        MultiTaskDataset one = data.withTasks("one", List.of(data.task(0)));
        assertThatThrownBy(() -> FACTORY.create(small()).fit(one, FitContext.headless(1)))
                .isInstanceOf(FitFailedException.class).hasMessageContaining("at least two tasks");
    }
}
