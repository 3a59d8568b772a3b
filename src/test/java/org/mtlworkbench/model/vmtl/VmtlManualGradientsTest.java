package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.djl.ScriptModule;
import org.mtlworkbench.model.djl.TaskBatches;
import org.mtlworkbench.numeric.DjlDevices;

/**
 * The hand-written gradients ({@link ManualGradients}) against autograd on {@link VmtlObjective} (itself checked
 * against brute force by {@code VmtlObjectiveTest}): same parameters, batch (with padded rows) and noise; the loss
 * terms, the network's flat gradient and the mixing logits' gradient must agree, for every option the hand-written
 * path covers. Then whole fits: the first steps of a trainer with each path report the same losses.
 */
class VmtlManualGradientsTest {

    private static final int S = 3;
    private static final double TAU = 0.7;
    private static final float LAMBDA_Z = 0.6f;
    private static final float[] LAMBDA_W = {0.9f, 1.3f, 0.4f};
    private static final float DECAY = 0.5f;
    private static final float MIN_STD = 1e-3f;
    private static final float MIN_STD_Z = 0.1f;

    @ParameterizedTest(name = "regression {0}, skip {1}, classifier skip {2}, class weights {3}, σ₀ {4}, learned {5}, "
            + "shared per input {6}")
    @CsvSource({"false,false,false,false,0,false,false", "true,false,false,false,0,false,false",
        "false,true,false,false,0,false,false", "false,false,true,false,0,false,false",
        "false,false,false,true,0,false,false", "false,false,false,false,0.8,false,false",
        "false,false,true,false,0.8,true,false", "true,true,true,false,0.8,true,false",
        "false,false,true,false,0.8,false,true", "true,false,true,false,0.8,true,true"})
    void gradientsEqualAutograd(boolean regression, boolean skip, boolean classifierSkip, boolean weighted,
                                float nullStd, boolean learnNull, boolean sharedNull) {
        SplittableRandom rng = new SplittableRandom(regression ? 23 : 5);
        MultiTaskDataset data = VmtlObjectiveTest.tinyData(regression, rng);
        int t = 3;
        int c = regression ? 1 : 3;
        VmtlShape shape = new VmtlShape(t, 2, 4, 2, c, regression, skip, classifierSkip);
        try (NDManager m = DjlDevices.engine().newBaseManager()) {
            VmtlParameters p = new VmtlParameters(m, shape, 0.5, rng);
            for (NDArray a : p.all()) { // off the symmetric initialisation
                a.stopGradient().addi(m.create(VmtlObjectiveTest.gaussians(rng, (int) a.size()), a.getShape())
                        .mul(0.4f));
            }
            TaskBatches batches = new TaskBatches(data, 0);
            TaskBatches.Batch batch = batches.next(m, rng);
            int b = batches.batchRows();
            float[] ga = VmtlObjectiveTest.concat(GumbelSoftmax.noise(rng, t), GumbelSoftmax.noise(rng, t));
            VmtlObjective.Noise noise = new VmtlObjective.Noise(
                    m.create(VmtlObjectiveTest.gaussians(rng, S * t * b * shape.latent()),
                            new Shape(S, t, b, shape.latent())),
                    m.create(VmtlObjectiveTest.gaussians(rng, S * t * shape.classifierRows() * c),
                            new Shape(S, t, shape.classifierRows(), c)),
                    m.create(ga, new Shape(2, t, t)));
            NDArray lw = m.create(LAMBDA_W, new Shape(t));
            NDArray off = m.create(new float[] {0, 1, 1, 1, 0, 1, 1, 1, 0}, new Shape(t, t));
            VmtlObjective.Extensions ext = new VmtlObjective.Extensions(weighted
                    ? m.create(VmtlObjectiveTest.flat(VmtlObjectiveTest.balancedByHand(data, c)), new Shape(t, c))
                    : null, nullStd, learnNull, sharedNull);

            float[][] auto = DjlDevices.collectGradients(gc -> {
                p.bind(m);
                VmtlObjective.Terms terms = VmtlObjective.compute(p, batch, noise, TAU, lw, LAMBDA_Z,
                        KlEstimator.PAIRWISE, MIN_STD, MIN_STD_Z, off, DECAY, -1, ext);
                gc.backward(terms.total());
                NDArray means = VmtlObjective.stack(terms.nll(), terms.klZ(), terms.klW(), terms.logitPrior())
                        .mean(new int[] {1});
                return new float[][] {terms.total().reshape(1).concat(means).toFloatArray(),
                    p.network.getGradient().toFloatArray(), p.mixing.getGradient().toFloatArray()};
            });

            float[] logits = p.mixingLogits();
            int tt = t * t;
            double[][][] mix = {
                GumbelSoftmax.mix(VmtlWeights.square(java.util.Arrays.copyOfRange(logits, 0, tt), t),
                        VmtlWeights.square(java.util.Arrays.copyOfRange(ga, 0, tt), t), TAU, nullStd > 0),
                GumbelSoftmax.mix(VmtlWeights.square(java.util.Arrays.copyOfRange(logits, tt, 2 * tt), t),
                        VmtlWeights.square(java.util.Arrays.copyOfRange(ga, tt, 2 * tt), t), TAU, false)};
            NDArray weights = m.create(ManualGradients.flatten(mix), new Shape(2, t, t));
            ManualGradients.Scripted n;
            try (ScriptModule script = ManualGradients.script()) {
                n = ManualGradients.compute(script, p, batch, noise, weights, lw, LAMBDA_Z, MIN_STD, MIN_STD_Z, off,
                        ext);
            }
            assertThat(n.network().hasGradient()).as("nothing recorded").isFalse();
            ManualGradients.Finished f = ManualGradients.finish(n.readBack().toFloatArray(), mix, logits, LAMBDA_W,
                    LAMBDA_Z, TAU, DECAY);

            String[] names = {"total", "likelihood", "KL(z)", "KL(w)", "logit prior"};
            for (int i = 0; i < names.length; i++) {
                assertThat((double) f.values()[i]).as(names[i]).isCloseTo(auto[0][i],
                        org.assertj.core.api.Assertions.within(1e-4 * Math.max(1, Math.abs(auto[0][i]))));
            }
            assertClose("network gradient", n.network().toFloatArray(), auto[1]);
            assertClose("mixing gradient", f.mixingGradient(), auto[2]);
            assertThat(Math.abs(auto[1][0])).as("the test reaches the trunk").isGreaterThan(1e-6f);
        }
    }

    /** Every entry within 1e-4 of the largest entry's magnitude plus 1e-3 relative (float32 through two paths). */
    private static void assertClose(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertThat(scale).as(what + " is not all zero").isGreaterThan(0);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i],
                    org.assertj.core.api.Assertions.within(1e-4 * scale + 1e-3 * Math.abs(expected[i])));
        }
    }

    /**
     * A training run steps on its own thread, where libtorch's grad mode is on by default (DJL turns it off only on
     * the thread that loaded the engine): the hand-written step must not be recorded there (it was, and a 3-seed
     * `mtlwb compare` grew to 24 GB).
     */
    @Test
    void aStepOnAFreshThreadRecordsNothing() throws Exception {
        MultiTaskDataset data = VmtlObjectiveTest.tinyData(false, new SplittableRandom(9));
        VmtlSettings s = VmtlSettings.from(new VmtlFactory().defaults().withText("taskTying", "loose"));
        Throwable[] failure = new Throwable[1];
        boolean[] recordingAfter = new boolean[1];
        Thread run = new Thread(() -> {
            try {
                ai.djl.pytorch.jni.JniUtils.setGradMode(true); // libtorch's default on a thread DJL did not set up
                FitContext ctx = FitContext.headless(3);
                try (VmtlTrainer trainer = new VmtlTrainer(data, s, 3, ctx::random)) {
                    for (int step = 1; step <= 3; step++) {
                        trainer.step(step, 1.0);
                    }
                }
                recordingAfter[0] = DjlDevices.recordsGradients();
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        run.start();
        run.join();
        assertThat(failure[0]).isNull();
        assertThat(recordingAfter[0]).as("grad mode left on").isFalse();
    }

    @Test
    void aFitReportsTheSameLossesEitherWay() {
        MultiTaskDataset data = VmtlObjectiveTest.tinyData(false, new SplittableRandom(9));
        VmtlSettings s = VmtlSettings.from(new VmtlFactory().defaults().withText("taskTying", "tight")
                .withText("hidden", "6").withText("latent", "3"));
        double[][] losses = new double[2][];
        for (int k = 0; k < 2; k++) {
            String before = System.getProperty(VmtlTrainer.AUTOGRAD_PROPERTY);
            System.setProperty(VmtlTrainer.AUTOGRAD_PROPERTY, Boolean.toString(k == 1));
            FitContext ctx = FitContext.headless(3);
            try (VmtlTrainer trainer = new VmtlTrainer(data, s.tight(), 3, ctx::random)) {
                losses[k] = new double[20];
                for (int step = 1; step <= 20; step++) {
                    losses[k][step - 1] = trainer.step(step, 1.0).total();
                }
            } finally {
                if (before == null) {
                    System.clearProperty(VmtlTrainer.AUTOGRAD_PROPERTY);
                } else {
                    System.setProperty(VmtlTrainer.AUTOGRAD_PROPERTY, before);
                }
            }
        }
        for (int i = 0; i < 20; i++) {
            assertThat(losses[0][i]).as("step %d", i + 1).isCloseTo(losses[1][i],
                    org.assertj.core.api.Assertions.within(1e-3 * Math.abs(losses[1][i])));
        }
        assertThat(losses[0][19]).as("the fit moved").isNotEqualTo(losses[0][0]);
    }
}
