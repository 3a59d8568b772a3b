package org.mtlworkbench.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void slugsAreFileNameSafe() {
        assertThat(Slugs.slug("mixing weights α (row: task)")).isEqualTo("mixing-weights-alpha-row-task");
        assertThat(Slugs.slug("Co-assignment / Café")).isEqualTo("co-assignment-cafe");
        assertThat(Slugs.slug("∑∑")).isEqualTo("view");
        assertThat(Slugs.slug("x".repeat(200))).hasSize(60);
    }

    @Test
    void uniqueNamesGetANumber() {
        Set<String> taken = new HashSet<>(Set.of("trace.csv"));
        assertThat(Slugs.uniqueFileName("Trace", ".csv", taken)).isEqualTo("trace-2.csv");
        assertThat(Slugs.uniqueFileName("tree", ".nwk", taken)).isEqualTo("tree.nwk");
        assertThat(Slugs.uniqueFileName("tree", ".nwk", taken)).isEqualTo("tree-2.nwk");
        assertThat(Slugs.uniqueFileName("tree", ".csv", taken)).isEqualTo("tree.csv");
    }
}
