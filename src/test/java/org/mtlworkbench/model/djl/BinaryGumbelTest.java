package org.mtlworkbench.model.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.numeric.DjlDevices;

class BinaryGumbelTest {

    private static final double[] LOGITS = {-2.5, -1, 0, 0.7, 2};
    private static final int N = 20_000;

    /** N rows of the given logits, plus a last gate that is always on so the empty-group rule never fires. */
    private static float[] rows(double[] logits, double sureOn) {
        float[] out = new float[N * (logits.length + 1)];
        for (int r = 0; r < N; r++) {
            for (int c = 0; c < logits.length; c++) {
                out[r * (logits.length + 1) + c] = (float) logits[c];
            }
            out[r * (logits.length + 1) + logits.length] = (float) sureOn;
        }
        return out;
    }

    private static float[] sample(NDManager m, float[] logits, int groups, double tau, boolean straightThrough) {
        int c = logits.length / groups;
        NDArray l = m.create(logits, new Shape(groups, c));
        NDArray noise = m.create(BinaryGumbel.logisticNoise(new SplittableRandom(7), logits.length), l.getShape());
        return BinaryGumbel.sample(l, noise, tau, straightThrough).toFloatArray();
    }

    @Test
    void meanOfHardSamplesIsSigmoidOfLogit() {
        try (NDManager m = DjlDevices.engine().newBaseManager()) {
            float[] b = sample(m, rows(LOGITS, 40), N, 0.5, true);
            int c = LOGITS.length + 1;
            for (int k = 0; k < LOGITS.length; k++) {
                double sum = 0;
                for (int r = 0; r < N; r++) {
                    float v = b[r * c + k];
                    assertThat(v).isIn(0f, 1f);
                    sum += v;
                }
                double p = BinaryGumbel.probability(LOGITS[k]);
                double mcError = Math.sqrt(p * (1 - p) / N);
                assertThat(sum / N).as("logit %s", LOGITS[k]).isCloseTo(p, org.assertj.core.data.Offset.offset(
                        4 * mcError));
            }
        }
    }

    @Test
    void relaxedSamplesBecomeHardAsTauGoesToZero() {
        try (NDManager m = DjlDevices.engine().newBaseManager()) {
            float[] logits = rows(LOGITS, 40);
            float[] cold = sample(m, logits, N, 1e-3, false);
            float[] warm = sample(m, logits, N, 1.0, false);
            float[] hard = sample(m, logits, N, 1e-3, true);
            assertThat(fractionNearHard(cold)).isGreaterThan(0.99);
            assertThat(fractionNearHard(warm)).isLessThan(0.5);
            int agree = 0;
            for (int i = 0; i < cold.length; i++) {
                agree += Math.abs(cold[i] - hard[i]) < 1e-3 ? 1 : 0;
            }
            assertThat(agree / (double) cold.length).isGreaterThan(0.99);
        }
    }

    private static double fractionNearHard(float[] v) {
        int n = 0;
        for (float x : v) {
            n += Math.min(Math.abs(x), Math.abs(1 - x)) < 1e-3 ? 1 : 0;
        }
        return n / (double) v.length;
    }

    @Test
    void everyGroupKeepsAGateOnEvenWhenAllAreUnlikely() {
        try (NDManager m = DjlDevices.engine().newBaseManager()) {
            float[] logits = new float[N * 4];
            java.util.Arrays.fill(logits, -8f);
            for (boolean st : new boolean[] {true, false}) {
                for (double tau : new double[] {1e-3, 1, 100}) {
                    float[] b = sample(m, logits, N, tau, st);
                    for (int r = 0; r < N; r++) {
                        int on = 0;
                        for (int c = 0; c < 4; c++) {
                            on += b[r * 4 + c] >= 0.5f ? 1 : 0;
                        }
                        assertThat(on).as("row %d, tau %s, straight-through %s", r, tau, st).isGreaterThanOrEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void straightThroughPassesTheRelaxedGradient() {
        try (NDManager m = DjlDevices.engine().newBaseManager()) {
            NDArray l = m.create(new float[] {0.3f, -0.4f}, new Shape(1, 2));
            l.setRequiresGradient(true);
            NDArray noise = m.create(new float[] {0.5f, 0.1f}, new Shape(1, 2));
            float[] grad;
            try (GradientCollector gc = DjlDevices.engine().newGradientCollector()) {
                NDArray b = BinaryGumbel.sample(l, noise, 2.0, true);
                assertThat(b.toFloatArray()).containsExactly(1f, 0f);
                gc.backward(b.sum());
            }
            grad = l.getGradient().toFloatArray();
            for (int i = 0; i < 2; i++) {
                double s = BinaryGumbel.relaxed(new double[] {0.3, -0.4}[i], new double[] {0.5, 0.1}[i], 2.0);
                assertThat(grad[i]).isCloseTo((float) (s * (1 - s) / 2.0), org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }
}
