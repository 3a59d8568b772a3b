package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.model.Prediction;

/** The JVM-side prediction on hand-set weights whose answer is known (posteriors narrowed to points). */
class VmtlPredictorTest {

    /** log σ far below the floor: every sample is the mean up to the 1e-9 floors. */
    private static final float POINT = -40f;

    @Test
    void classifierSkipAddsTheLinearTermOnTheInputs() {
        // 1 task, D = 2 inputs, H = 1, L = 1, 2 classes; the encoder gives z = 0.5 whatever x (zero head weights)
        VmtlShape s = new VmtlShape(1, 2, 1, 1, 2, false, false, true);
        assertThat(s.classifierRows()).isEqualTo(4); // z, x₁, x₂, bias
        // rows of w (columns: class 0, class 1): z → (0, 2), x₁ → (0, 1), x₂ → (0, −3), bias → (0, 0.25)
        float[] wMean = {0, 2, 0, 1, 0, -3, 0, 0.25f};
        VmtlWeights w = new VmtlWeights(s, new float[] {0.7f, -0.2f}, new float[] {0.1f}, new float[] {0f},
                new float[] {0.5f}, new float[] {0f}, new float[] {POINT}, wMean, filled(8, POINT), new float[1],
                new float[1], new float[1]);
        VmtlPredictor p = new VmtlPredictor(w, List.of("t"), 4, 1e-9, 1e-9, 1.0, 0, 1, 3, null, null);
        double[][] x = {{1.0, 0.5}, {-2.0, 0.0}};
        double[][] probs = ((Prediction.Classification) p.predict(0, x)).probabilities();
        for (int r = 0; r < x.length; r++) {
            double logit = 2 * 0.5 + x[r][0] - 3 * x[r][1] + 0.25; // class 1 against class 0 (logit 0)
            assertThat(probs[r][1]).isCloseTo(1 / (1 + Math.exp(-logit)), within(1e-6));
        }
    }

    private static float[] filled(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
