package org.mtlworkbench.model.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.numeric.DjlDevices;

/** The fused update against Adam written out in double precision on the JVM (Kingma &amp; Ba, bias-corrected). */
class AdamTest {

    private static final int N = 40;
    private static final int STEPS = 60;

    /** Plain Adam with coupled L2 decay where the mask is 1 and the gradient scaled first. */
    private static final class Reference {
        final double[] p;
        final double[] m = new double[N];
        final double[] v = new double[N];
        int t;

        Reference(float[] init) {
            p = new double[N];
            for (int i = 0; i < N; i++) {
                p[i] = init[i];
            }
        }

        void update(double[] grad, double lr, double wd, float[] mask, double scale, float[] rates) {
            t++;
            for (int i = 0; i < N; i++) {
                double g = grad[i] * scale + (mask == null || mask[i] == 1f ? wd * p[i] : 0);
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mHat = m[i] / (1 - Math.pow(0.9, t));
                double vHat = v[i] / (1 - Math.pow(0.999, t));
                p[i] -= lr * (rates == null ? 1 : rates[i]) * mHat / (Math.sqrt(vHat) + 1e-8);
            }
        }
    }

    private static float[] gaussian(SplittableRandom rng, double sd) {
        float[] out = new float[N];
        for (int i = 0; i < N; i++) {
            out[i] = (float) (sd * rng.nextGaussian());
        }
        return out;
    }

    /** Runs both for {@link #STEPS} steps on the same random gradients and compares the parameters after each. */
    private static void agrees(double lr, double wd, boolean masked, float scale) {
        agrees(lr, wd, masked, scale, false);
    }

    /** {@code explicit}: the gradient is handed to the update (hand-written gradients) instead of left by autograd. */
    private static void agrees(double lr, double wd, boolean masked, float scale, boolean explicit) {
        agrees(lr, wd, masked, scale, explicit, false);
    }

    /** {@code withRates}: the step size multiplied entry by entry (a group with its own learning rate). */
    private static void agrees(double lr, double wd, boolean masked, float scale, boolean explicit,
                               boolean withRates) {
        SplittableRandom rng = new SplittableRandom(11);
        float[] init = gaussian(rng, 1);
        float[] mask = new float[N];
        for (int i = 0; i < N; i++) {
            mask[i] = i % 3 == 0 ? 0f : 1f;
        }
        float[] rates = new float[N];
        for (int i = 0; i < N; i++) {
            rates[i] = i < N / 2 ? 1f : 10f;
        }
        Reference ref = new Reference(init);
        try (NDManager base = DjlDevices.engine().newBaseManager()) {
            NDArray p = base.create(init, new Shape(N));
            p.setRequiresGradient(true);
            NDArray decayMask = base.create(mask, new Shape(N));
            NDArray rateArray = withRates ? base.create(rates, new Shape(N)) : null;
            Adam adam = new Adam(base, List.of(p));
            for (int s = 0; s < STEPS; s++) {
                // gradients of very different sizes, so that ε, √v and the bias correction all matter
                float[] g = gaussian(rng, s % 7 == 0 ? 1e-6 : 1 + s % 4);
                double[] gd = new double[N];
                for (int i = 0; i < N; i++) {
                    gd[i] = g[i];
                }
                try (NDManager step = base.newSubManager()) {
                    adam.tempAttach(step);
                    p.tempAttach(step);
                    NDArray gradient = step.create(g, new Shape(N));
                    if (withRates) {
                        rateArray.tempAttach(step);
                        adam.update(lr, wd, masked ? decayMask : null, scale, List.of(gradient), List.of(rateArray));
                    } else if (explicit) {
                        adam.update(lr, wd, masked ? decayMask : null, scale, List.of(gradient));
                    } else {
                        DjlDevices.collectGradients(gc -> {
                            gc.backward(p.mul(gradient).sum()); // d/dp Σ p·g = g
                            return null;
                        });
                        adam.update(lr, wd, masked ? decayMask : null, scale);
                    }
                    ref.update(gd, lr, wd, masked ? mask : null, scale, withRates ? rates : null);
                    float[] now = p.toFloatArray();
                    for (int i = 0; i < N; i++) {
                        assertThat((double) now[i]).as("parameter %d after step %d", i, s + 1)
                                .isCloseTo(ref.p[i], within(2e-5 * (1 + Math.abs(ref.p[i]))));
                    }
                    if (!explicit) {
                        assertThat(p.getGradient().toFloatArray()).as("gradient zeroed").containsOnly(0f);
                    }
                }
            }
            assertThat(adam.steps()).isEqualTo(STEPS);
        }
    }

    @Test
    void plainUpdateMatchesTheTextbookAdam() {
        agrees(0.01, 0, false, 1f);
    }

    @Test
    void decayOnEveryEntryMatches() {
        agrees(0.005, 0.3, false, 1f);
    }

    @Test
    void maskedDecayWithAScaledGradientMatches() {
        agrees(0.02, 0.3, true, 0.37f);
    }

    @Test
    void givenGradientsMatchWithMaskedDecayAndScale() {
        agrees(0.02, 0.3, true, 0.37f, true);
    }

    @Test
    void perEntryRatesScaleTheStep() {
        agrees(0.002, 0.3, true, 0.37f, true, true);
    }

    @Test
    void parametersMoveAgainstTheGradient() {
        try (NDManager base = DjlDevices.engine().newBaseManager()) {
            NDArray p = base.zeros(new Shape(2));
            p.setRequiresGradient(true);
            Adam adam = new Adam(base, List.of(p));
            try (NDManager step = base.newSubManager()) {
                adam.tempAttach(step);
                p.tempAttach(step);
                NDArray g = step.create(new float[] {3f, -0.5f});
                DjlDevices.collectGradients(gc -> {
                    gc.backward(p.mul(g).sum());
                    return null;
                });
                adam.update(0.1);
                // first Adam step: m̂/√v̂ = sign(g), so p = −lr·sign(g)
                assertThat(p.toFloatArray()).containsExactly(new float[] {-0.1f, 0.1f}, within(1e-6f));
            }
        }
    }
}
