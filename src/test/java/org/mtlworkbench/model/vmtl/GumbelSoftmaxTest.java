package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtlworkbench.numeric.DjlDevices;

class GumbelSoftmaxTest {

    private static final int T = 5;
    private static NDManager manager;

    @BeforeAll
    static void open() {
        manager = DjlDevices.engine().newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    private static double[][] sample(double tau, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] logits = new float[T * T];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (3 * rng.nextGaussian());
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray l = m.create(logits, new Shape(T, T));
            NDArray g = m.create(GumbelSoftmax.noise(rng, T), new Shape(T, T));
            NDArray mix = GumbelSoftmax.mix(l, g, tau, offDiagonal(m));
            return VmtlWeights.square(mix.toFloatArray(), T);
        }
    }

    static NDArray offDiagonal(NDManager m) {
        float[] off = new float[T * T];
        for (int i = 0; i < T; i++) {
            for (int j = 0; j < T; j++) {
                off[i * T + j] = i == j ? 0 : 1;
            }
        }
        return m.create(off, new Shape(T, T));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-6, 0.1, 1.0, 10.0, 1e6})
    void rowsAreDistributionsOverTheOtherTasks(double tau) {
        for (long seed = 1; seed <= 20; seed++) {
            double[][] a = sample(tau, seed);
            for (int i = 0; i < T; i++) {
                assertThat(a[i][i]).isZero();
                double sum = 0;
                for (int j = 0; j < T; j++) {
                    assertThat(a[i][j]).isBetween(0.0, 1.0).isFinite();
                    sum += a[i][j];
                }
                assertThat(sum).isCloseTo(1.0, within(1e-5));
            }
        }
    }

    @Test
    void lowTemperatureGivesOneHotRows() {
        for (long seed = 1; seed <= 20; seed++) {
            double[][] a = sample(1e-6, seed);
            for (double[] row : a) {
                double max = java.util.Arrays.stream(row).max().orElseThrow();
                assertThat(max).isCloseTo(1.0, within(1e-6));
            }
        }
    }

    @Test
    void highTemperatureGivesUniformRows() {
        double[][] a = sample(1e6, 7);
        for (int i = 0; i < T; i++) {
            for (int j = 0; j < T; j++) {
                if (i != j) {
                    assertThat(a[i][j]).isCloseTo(1.0 / (T - 1), within(1e-4));
                }
            }
        }
    }

    @Test
    void deviceAndJvmVersionsAgree() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] logits = new double[T][T];
        float[] flat = new float[T * T];
        for (int i = 0; i < T; i++) {
            for (int j = 0; j < T; j++) {
                logits[i][j] = rng.nextGaussian();
                flat[i * T + j] = (float) logits[i][j];
            }
        }
        try (NDManager m = manager.newSubManager()) {
            double[][] device = VmtlWeights.square(
                    GumbelSoftmax.mix(m.create(flat, new Shape(T, T)), null, 0.7, offDiagonal(m)).toFloatArray(), T);
            double[][] jvm = GumbelSoftmax.mix(logits, null, 0.7);
            for (int i = 0; i < T; i++) {
                assertThat(device[i]).containsExactly(jvm[i], within(1e-6));
            }
        }
    }

    @Test
    void gumbelNoiseHasTheGumbelMeanAndVariance() {
        float[] g = GumbelSoftmax.noise(new SplittableRandom(11), 400); // 160,000 draws
        double mean = 0;
        for (float v : g) {
            mean += v;
        }
        mean /= g.length;
        double var = 0;
        for (float v : g) {
            var += (v - mean) * (v - mean);
        }
        var /= g.length - 1;
        assertThat(mean).isCloseTo(0.5772156649, within(0.01)); // Euler–Mascheroni
        assertThat(var).isCloseTo(Math.PI * Math.PI / 6, within(0.03));
    }
}
