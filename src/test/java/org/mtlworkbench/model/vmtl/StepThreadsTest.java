package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepThreadsTest {

    private static final VmtlShape LANDMINE = new VmtlShape(29, 9, 64, 16, 2, false);
    private static final VmtlShape OFFICE = new VmtlShape(4, 800, 64, 16, 10, false);

    @Test
    void multiplyAddsCountTheTrunkThePriorAndTheClassifiers() {
        // office: 128 rows · 800 · 64 + 128 · 65 · 2 · 4 · 16 + 4 · 128 · 17 · 10
        assertThat(StepThreads.multiplyAdds(OFFICE, 32, 4)).isEqualTo(6_553_600 + 1_064_960 + 87_040);
        // with the skip path the heads read H + D = 864 columns: 128 · 865 · 2 · 4 · 16
        VmtlShape skip = new VmtlShape(4, 800, 64, 16, 10, false, true);
        assertThat(StepThreads.multiplyAdds(skip, 32, 4)).isEqualTo(6_553_600 + 14_172_160 + 87_040);
    }

    @Test
    void officeRunsOnOneThreadAndLandmineOnEveryCore() {
        assertThat(StepThreads.forStep(OFFICE, 32, 4)).isEqualTo(1);
        assertThat(StepThreads.multiplyAdds(LANDMINE, 32, 4)).isGreaterThan(StepThreads.MANY);
        assertThat(StepThreads.forStep(LANDMINE, 32, 4)).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(StepThreads.forStep(LANDMINE, 8, 4)).as("a quarter of the rows").isEqualTo(1);
    }

    @Test
    void aMuchLargerStepUsesEveryCore() {
        VmtlShape wide = new VmtlShape(100, 2000, 256, 64, 10, false);
        assertThat(StepThreads.multiplyAdds(wide, 256, 4)).isGreaterThan(StepThreads.MANY);
        assertThat(StepThreads.forStep(wide, 256, 4)).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
}
