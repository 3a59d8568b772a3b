package org.mtlworkbench.model.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;

/** The analytic gradient of the marginal likelihood (W and σ², through soft responsibilities) against differences. */
class HbObjectiveGradientTest {

    @Test
    void tanhGatingGradientMatchesCentralDifferences() {
        check(HbVariant.GATING, Activation.TANH, 3);
    }

    @Test
    void linearClusteringGradientMatchesCentralDifferences() {
        check(HbVariant.CLUSTERING, Activation.LINEAR, 2);
    }

    @Test
    void singlePriorNoiseGradientMatchesCentralDifferences() {
        check(HbVariant.DEPENDENT_MEAN, Activation.TANH, 1);
    }

    private static void check(HbVariant variant, Activation act, int k) {
        SplittableRandom rng = new SplittableRandom(21 + k);
        MultiTaskDataset ds = randomDataset(rng, 6, 3, 7);
        HbData data = HbData.prepare(ds, variant);
        HbSettings settings = new HbSettings(variant, 3, act, k, 10, 1e-6, 5, 1, 5, 0.05, 0.01, 0.1);
        HbParams params = new HbParams(act, 3, data.inputs, k, data.meanFeatures[0].length,
                data.gateFeatures[0].length, 1e-4);
        for (int j = 0; j < params.w.length; j++) {
            params.w[j] = rng.nextGaussian() * 0.6;
        }
        params.noiseVar = 0.3;
        for (int a = 0; a < k; a++) {
            for (int j = 0; j < params.mean[a].length; j++) {
                params.mean[a][j] = rng.nextGaussian();
            }
            for (int r = 0; r < params.p; r++) {
                params.cov[a][r * params.p + r] = 0.2 + rng.nextDouble();
            }
            params.cov[a][1] = params.cov[a][params.p] = 0.05;
            for (int j = 0; j < params.f; j++) {
                params.gate[a][j] = rng.nextGaussian();
            }
        }
        HbObjective obj = new HbObjective(data, settings, params);
        HbPosterior post = obj.evaluate(params, true);
        double[] grad = post.gradW.clone();
        double gNoise = post.gradNoiseVar;
        double eps = 1e-6;
        for (int j = 0; j < params.w.length; j++) {
            double keep = params.w[j];
            params.w[j] = keep + eps;
            double up = obj.evaluate(params, false).objective();
            params.w[j] = keep - eps;
            double down = obj.evaluate(params, false).objective();
            params.w[j] = keep;
            double fd = (up - down) / (2 * eps);
            assertThat(grad[j]).as("dJ/dW[%d]", j).isCloseTo(fd, offset(1e-5 * (1 + Math.abs(fd))));
        }
        double keep = params.noiseVar;
        params.noiseVar = keep + eps;
        double up = obj.evaluate(params, false).objective();
        params.noiseVar = keep - eps;
        double down = obj.evaluate(params, false).objective();
        params.noiseVar = keep;
        double fd = (up - down) / (2 * eps);
        assertThat(gNoise).isCloseTo(fd, offset(1e-5 * (1 + Math.abs(fd))));
    }

    static MultiTaskDataset randomDataset(SplittableRandom rng, int tasks, int d, int rows) {
        List<Task> list = new ArrayList<>();
        Map<String, double[]> features = new LinkedHashMap<>();
        for (int t = 0; t < tasks; t++) {
            double[][] x = new double[rows][d];
            double[] y = new double[rows];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < d; j++) {
                    x[r][j] = rng.nextGaussian();
                }
                y[r] = Math.sin(x[r][0] * (t % 3)) + 0.3 * rng.nextGaussian();
            }
            list.add(Task.of("t" + t, x, y));
            features.put("t" + t, new double[] {rng.nextGaussian(), rng.nextGaussian()});
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return new MultiTaskDataset("random", names, TargetType.REGRESSION, List.of(), list,
                List.of("f1", "f2"), features);
    }
}
