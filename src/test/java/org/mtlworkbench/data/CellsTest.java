package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void plainDecimalNumbersOnly() {
        assertThat(Cells.number("1.5")).isEqualTo(1.5);
        assertThat(Cells.number(" -2e-3 ")).isEqualTo(-0.002);
        assertThat(Cells.number("+.5")).isEqualTo(0.5);
        for (String bad : new String[] {"", "abc", "1d", "1f", "0x1p3", "NaN", "Infinity", "1e999", "-", "e", "1.2.3",
                "1 000"}) {
            assertThat(Cells.number(bad)).as(bad).isNaN();
        }
    }

    @Test
    void missingSpellings() {
        for (String m : new String[] {"", " ", "NaN", "nan", "NA", "n/a", "null", "None", "?", "inf", "-Inf",
                "Infinity", "+infinity", "1e400", "-1e400"}) {
            assertThat(Cells.isMissing(m)).as(m).isTrue();
        }
        for (String ok : new String[] {"0", "abc", "1e300", "info"}) {
            assertThat(Cells.isMissing(ok)).as(ok).isFalse();
        }
    }
}
