package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;

/** The sample data sets' ground truth, read into the same view types the models report. */
class GroundTruthTest {

    @Test
    void clustersBecomeACoMembershipMatrixAndAnAllocation() throws Exception {
        GroundTruth g = GroundTruth.read(Path.of("sample-data/clustered/ground_truth.json"));
        TaskMatrix m = (TaskMatrix) g.views().get(0);
        assertThat(m.size()).isEqualTo(12);
        // c(i) = i mod 3: t01 with t04, not with t02
        assertThat(m.get(m.tasks().indexOf("t01"), m.tasks().indexOf("t04"))).isEqualTo(1);
        assertThat(m.get(m.tasks().indexOf("t01"), m.tasks().indexOf("t02"))).isEqualTo(0);
        AllocationMatrix a = (AllocationMatrix) g.views().get(1);
        assertThat(a.components()).hasSize(3);
        for (double[] row : a.values()) {
            assertThat(row[0] + row[1] + row[2]).isEqualTo(1);
        }
    }

    @Test
    void theTrueTreeKeepsItsMergeHeights() throws Exception {
        GroundTruth g = GroundTruth.read(Path.of("sample-data/tree/ground_truth.json"));
        TaskTree t = (TaskTree) g.views().stream().filter(v -> v instanceof TaskTree).findFirst().orElseThrow();
        assertThat(t.leaves()).containsExactlyInAnyOrder("t01", "t02", "t03", "t04", "t05", "t06", "t07", "t08");
        assertThat(t.mergeHeight("t03", "t05")).isCloseTo(0.00249, within(1e-9));
        assertThat(t.root().height()).isCloseTo(1.55041, within(1e-5));
        // Newick round trip keeps every pairwise merge height
        TaskTree back = NewickParser.parse("x", t.toNewick());
        for (String a : t.leaves()) {
            for (String b : t.leaves()) {
                if (!a.equals(b)) {
                    assertThat(back.mergeHeight(a, b)).isCloseTo(t.mergeHeight(a, b), within(1e-5));
                }
            }
        }
    }

    @Test
    void sparseScenarioGivesActiveGroupsAndTheTrueCorrelation() throws Exception {
        GroundTruth g = GroundTruth.read(Path.of("sample-data/sparse/ground_truth.json"));
        assertThat(g.activeGroups()).containsExactlyInAnyOrder(0, 3);
        TaskMatrix m = (TaskMatrix) g.views().get(0);
        assertThat(m.get(0, 3)).isEqualTo(-1);
        GroundTruth linked = GroundTruth.read(Path.of("sample-data/linked/ground_truth.json"));
        TaskMatrix p = (TaskMatrix) linked.views().get(0);
        assertThat(p.get(p.tasks().indexOf("t01"), p.tasks().indexOf("t02"))).isEqualTo(1);
        assertThat(p.get(p.tasks().indexOf("t05"), p.tasks().indexOf("t06"))).isEqualTo(0);
        assertThat(GroundTruth.read(Path.of("no/such/file.json"))).isSameAs(GroundTruth.NONE);
    }

    @Test
    void badNewickIsReportedWithItsPosition() {
        assertThatThrownBy(() -> NewickParser.parse("x", "((a:1,b:1):1"))
                .hasMessageContaining("character").hasMessageContaining("expected ','");
    }
}
