package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.numeric.DjlDevices;

/** Where the per-group settings land in the flat parameter vectors: the null component's start, the step rates. */
class VmtlParametersTest {

    private static final VmtlShape SHAPE = new VmtlShape(3, 2, 4, 2, 2, false, false, true);

    @Test
    void nullStartSetsAlphasDiagonalOnly() {
        try (NDManager m = DjlDevices.engine().newBaseManager()) {
            VmtlParameters p = new VmtlParameters(m, SHAPE, 0.3, 1.0, 4.0, new SplittableRandom(1));
            float[] logits = p.mixingLogits();
            int t = SHAPE.tasks();
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < t; j++) {
                    assertThat(logits[i * t + j]).as("alpha logit %d,%d", i, j).isEqualTo(i == j ? 4f : 0f);
                    assertThat(logits[t * t + i * t + j]).as("beta logit %d,%d", i, j).isZero();
                }
            }
        }
    }

    @Test
    void stepRatesScaleTheClassifierGroupOnly() {
        try (NDManager m = DjlDevices.engine().newBaseManager()) {
            VmtlParameters p = new VmtlParameters(m, SHAPE, 0.3, new SplittableRandom(1));
            assertThat(p.stepRates(m, 1.0)).as("no rates when the ratio is 1").isNull();
            float[] rates = p.stepRates(m, 10.0).toFloatArray();
            VmtlWeights w = p.copyToJvm();
            int encoder = w.trunkW().length + w.trunkB().length + w.headMean().length + w.headMeanB().length
                    + w.headLogStd().length + w.headLogStdB().length;
            assertThat(rates).hasSize((int) p.network.size());
            for (int i = 0; i < rates.length; i++) {
                assertThat(rates[i]).as("entry %d", i).isEqualTo(i < encoder ? 1f : 10f);
            }
            NDArray mask = p.decayMask(m);
            float[] decay = mask.toFloatArray();
            for (int i = 0; i < decay.length; i++) {
                assertThat(decay[i] == 1f).as("decay and rate groups agree at %d", i).isEqualTo(rates[i] == 1f);
            }
        }
    }
}
