package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;

/** The class-balanced likelihood's weights and the prediction shift that undoes them, on counted examples. */
class ClassBalanceTest {

    private static MultiTaskDataset data() {
        // task a: 8 rows, 2 of class 1; task b: 4 rows, all class 0 (class 1 absent)
        double[][] xa = new double[8][1];
        double[] ya = {0, 0, 1, 0, 0, 1, 0, 0};
        double[][] xb = new double[4][1];
        double[] yb = {0, 0, 0, 0};
        return new MultiTaskDataset("cb", List.of("x"), TargetType.CLASSIFICATION, List.of("no", "yes"),
                List.of(Task.of("a", xa, ya), Task.of("b", xb, yb)));
    }

    @Test
    void everyPresentClassCarriesHalfOfItsTasksWeight() {
        double[][] f = ClassBalance.frequencies(data());
        assertThat(f[0][0]).isCloseTo(0.75, within(1e-12));
        assertThat(f[0][1]).isCloseTo(0.25, within(1e-12));
        float[] w = ClassBalance.weights(f);
        // N/(C·N_c): 8/(2·6) and 8/(2·2); task b: 4/(2·4) = 0.5 and 1 for the absent class
        assertThat(w).containsExactly(new float[] {8f / 12, 2f, 0.5f, 1f}, within(1e-6f));
        // weighted counts per class are equal within task a: 6 · 2/3 = 2 · 2
        assertThat(6 * w[0]).isCloseTo(2 * w[1], within(1e-5f));
    }

    @Test
    void predictionShiftIsTheLogBaseRateWithHalfTheSmallestForAnAbsentClass() {
        double[][] shift = ClassBalance.logPriorShift(ClassBalance.frequencies(data()));
        assertThat(shift[0][0]).isCloseTo(Math.log(0.75), within(1e-12));
        assertThat(shift[0][1]).isCloseTo(Math.log(0.25), within(1e-12));
        assertThat(shift[1][0]).isCloseTo(0.0, within(1e-12));
        assertThat(shift[1][1]).isCloseTo(Math.log(0.5), within(1e-12));
    }
}
