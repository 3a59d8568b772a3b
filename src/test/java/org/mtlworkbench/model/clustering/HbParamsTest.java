package org.mtlworkbench.model.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class HbParamsTest {

    @Test
    void fastTanhAgreesWithMathTanh() {
        for (double a = -30; a <= 30; a += 0.000731) {
            assertThat(HbParams.tanh(a)).isCloseTo(Math.tanh(a), offset(2e-16 + 1e-15 * Math.abs(Math.tanh(a))));
        }
        assertThat(HbParams.tanh(1e-9)).isCloseTo(1e-9, offset(1e-24));
    }
}
