package org.mtlworkbench.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogSumExpTest {

    @Test
    void matchesTheNaiveFormulaOnModerateValues() {
        double[] a = {-1.5, 0.25, 2.0, -3.0};
        double naive = Math.log(Math.exp(-1.5) + Math.exp(0.25) + Math.exp(2.0) + Math.exp(-3.0));
        assertThat(LogSumExp.of(a)).isCloseTo(naive, within(1e-14));
        assertThat(LogSumExp.of2(0.25, 2.0)).isCloseTo(Math.log(Math.exp(0.25) + Math.exp(2.0)), within(1e-14));
    }

    @Test
    void doesNotOverflowOrUnderflow() {
        assertThat(LogSumExp.of(1000, 1000)).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(LogSumExp.of(-1000, -1000)).isCloseTo(-1000 + Math.log(2), within(1e-12));
        assertThat(LogSumExp.of()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(LogSumExp.of(Double.NEGATIVE_INFINITY, 0)).isEqualTo(0.0);
        assertThat(LogSumExp.of(Double.POSITIVE_INFINITY, 0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(LogSumExp.of(Double.NaN, 0)).isNaN();
    }

    @Test
    void logisticFunctionsAgreeWithEachOther() {
        for (double x : new double[] {-800, -40, -3, -1e-9, 0, 1e-9, 2.5, 40, 800}) {
            double s = LogSumExp.sigmoid(x);
            assertThat(s).isBetween(0.0, 1.0);
            assertThat(LogSumExp.sigmoid(x) + LogSumExp.sigmoid(-x)).isCloseTo(1.0, within(1e-15));
            assertThat(LogSumExp.softplus(x)).isCloseTo(LogSumExp.of2(0, x), within(1e-12 * (1 + Math.abs(x))));
            assertThat(LogSumExp.logSigmoid(x)).isFinite();
            if (Math.abs(x) < 30) {
                assertThat(LogSumExp.logSigmoid(x)).isCloseTo(Math.log(s), within(1e-12));
            }
        }
        assertThat(LogSumExp.logSigmoid(-800)).isCloseTo(-800, within(1e-9));
    }
}
