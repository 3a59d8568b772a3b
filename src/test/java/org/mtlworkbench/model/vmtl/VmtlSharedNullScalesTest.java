package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.train.Metrics;

/**
 * Planted shared sparsity (decision 0039): conflicting binary tasks, each with its own random weights, but all on the
 * same few relevant inputs among many noise inputs. The null component's σ₀ learned per input and shared by the
 * tasks must find the relevant inputs, and the shared scales must predict better than one fixed σ₀.
 */
class VmtlSharedNullScalesTest {

    private static final int TASKS = 6;
    private static final int INPUTS = 24;
    private static final int RELEVANT = 4;

    /**
     * Task t: logit = Σ_{j < RELEVANT} w_tj x_j + b_t, with w_tj = ±(1.5 + |N(0, 1)|) drawn per task from {@code seed} (the
     * tasks disagree) and the rows drawn from {@code rowSeed} (so the same tasks get new rows for testing).
     */
    static MultiTaskDataset planted(long seed, long rowSeed, int rowsPerTask) {
        SplittableRandom truth = new SplittableRandom(seed);
        SplittableRandom rng = new SplittableRandom(rowSeed);
        List<String> names = new ArrayList<>();
        for (int j = 0; j < INPUTS; j++) {
            names.add("x" + j);
        }
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            double[] w = new double[RELEVANT];
            for (int j = 0; j < RELEVANT; j++) {
                double g = truth.nextGaussian(); // |w| at least 1.5, with a random sign
                w[j] = Math.copySign(1.5 + Math.abs(g), truth.nextBoolean() ? 1 : -1);
            }
            double b = 0.5 * truth.nextGaussian();
            double[][] x = new double[rowsPerTask][INPUTS];
            double[] y = new double[rowsPerTask];
            for (int i = 0; i < rowsPerTask; i++) {
                double logit = b;
                for (int j = 0; j < INPUTS; j++) {
                    x[i][j] = rng.nextGaussian();
                    logit += j < RELEVANT ? w[j] * x[i][j] : 0;
                }
                y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            }
            tasks.add(Task.of("t" + t, x, y));
        }
        return new MultiTaskDataset("planted sparsity", names, TargetType.CLASSIFICATION, List.of("no", "yes"),
                tasks);
    }

    /** The guarded settings spelled out on the loose path, so that only {@code sharedNullScales} differs. */
    private static ParamValues guardedSpelledOut(boolean shared) {
        return new VmtlFactory().defaults().withText("taskTying", "loose").withText("classifierSkip", "true")
                .withText("nullStd", "1").withText("nullStart", "5").withText("logitDecay", "0")
                .withText("classifierLearningRate", "0.03").withText("weightDecay", "2")
                .withText("hidden", "8").withText("latent", "2").withText("steps", "600")
                .withText("sharedNullScales", String.valueOf(shared));
    }

    @Test
    void theTasksLearnTogetherWhichInputsMatter() {
        MultiTaskDataset data = planted(3, 30, 40);
        VmtlSettings s = VmtlSettings.from(guardedSpelledOut(true));
        FitContext ctx = FitContext.headless(3);
        try (VmtlTrainer trainer = new VmtlTrainer(data, s, 3, ctx::random)) {
            for (int step = 1; step <= s.steps(); step++) {
                trainer.step(step, s.scheduledTau(step));
            }
            float[] sd = trainer.nullRowStd(); // the latent rows, then the inputs
            int first = s.latent();
            assertThat(sd).hasSize(s.latent() + INPUTS);
            double smallestRelevant = Double.MAX_VALUE;
            double largestNoise = 0;
            double meanNoise = 0;
            for (int j = 0; j < INPUTS; j++) {
                if (j < RELEVANT) {
                    smallestRelevant = Math.min(smallestRelevant, sd[first + j]);
                } else {
                    largestNoise = Math.max(largestNoise, sd[first + j]);
                    meanNoise += sd[first + j] / (INPUTS - RELEVANT);
                }
            }
            System.out.printf(Locale.ROOT, "planted sparsity: smallest relevant σ₀ %.3f, noise σ₀ mean %.3f, "
                    + "largest %.3f%n", smallestRelevant, meanNoise, largestNoise);
            // the tempered KL (λ_w < 1) keeps a noise input's σ₀ near its likelihood-limited posterior sd instead of
            // pruning it to 0 (decision 0039), so the separation is a ratio, not a collapse
            assertThat(smallestRelevant).as("every relevant input's σ₀ above every noise input's")
                    .isGreaterThan(largestNoise).isGreaterThan(3 * meanNoise);
            GroupSparsity view = trainer.inputScales();
            assertThat(view.groups()).hasSize(s.latent() + INPUTS).startsWith("z1").contains("x0", "x23");
            assertThat(view.precision()[first]).isCloseTo(1 / ((double) sd[first] * sd[first]), within(1e-6));
            assertThat(view.weightNorms()).hasNumberOfRows(TASKS);
        }
    }

    @Test
    void sharedScalesPredictBetterThanOneFixedScale() {
        double[] auc = new double[2];
        for (long seed = 1; seed <= 2; seed++) {
            MultiTaskDataset train = planted(seed, 10 + seed, 40);
            MultiTaskDataset test = planted(seed, 20 + seed, 400); // the same tasks, new rows
            for (int k = 0; k < 2; k++) {
                var fitted = new VmtlFactory().create(guardedSpelledOut(k == 1)).fit(train, FitContext.headless(seed));
                auc[k] += Metrics.evaluate(fitted, test).taskAverage().get(Metrics.AUC) / 2;
                // α and β, then (shared scales only) the view of which inputs the tasks agree matter
                assertThat(fitted.relatedness()).hasSize(k == 1 ? 3 : 2);
            }
        }
        System.out.printf(Locale.ROOT, "planted sparsity, seeds 1–2: AUC fixed σ₀ %.4f, shared σ₀ per input %.4f%n",
                auc[0], auc[1]);
        assertThat(auc[1]).isGreaterThan(auc[0] + 0.02);
    }
}
