package org.mtlworkbench.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;

class ScenariosTest {

    @Test
    void listsTheSixScenariosInGalleryOrder() {
        assertThat(Scenarios.ids()).containsExactly("clustered", "gated", "tree", "sparse", "linked", "conflicting");
        assertThat(Scenarios.all()).extracting(Scenario::id).containsExactlyElementsOf(Scenarios.ids());
    }

    @Test
    void getFindsByIdIgnoringCaseAndBlanksAndNamesTheIdsOtherwise() {
        assertThat(Scenarios.get(" Tree ").id()).isEqualTo("tree");
        assertThatThrownBy(() -> Scenarios.get("spiral"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spiral")
                .hasMessageContaining("clustered, gated, tree, sparse, linked, conflicting");
    }

    @Test
    void everyScenarioHasATitleAParagraphAndTheStatedTargetType() {
        for (Scenario s : Scenarios.all()) {
            GeneratedScenario g = s.generate(Scenarios.DEFAULT_SEED);
            assertThat(s.title()).isNotBlank();
            assertThat(s.description()).hasSizeGreaterThan(300);
            assertThat(g.id()).isEqualTo(s.id());
            assertThat(g.seed()).isEqualTo(Scenarios.DEFAULT_SEED);
            assertThat(g.dataset().name()).isEqualTo(s.id());
            boolean classification = s.id().equals("linked") || s.id().equals("conflicting");
            assertThat(g.dataset().targetType())
                    .isEqualTo(classification ? TargetType.CLASSIFICATION : TargetType.REGRESSION);
            assertThat(g.dataset().hasTaskFeatures()).isEqualTo(s.id().equals("gated"));
            assertThat(g.groundTruth()).isNotEmpty();
        }
    }

    @Test
    void sameSeedGivesIdenticalDataAndGroundTruthAndAnotherSeedDifferentData() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (Scenario s : Scenarios.all()) {
            GeneratedScenario a = s.generate(42);
            GeneratedScenario b = s.generate(42);
            GeneratedScenario c = s.generate(43);
            assertThat(sameData(a.dataset(), b.dataset())).as(s.id()).isTrue();
            assertThat(json.writeValueAsString(a.groundTruth())).isEqualTo(json.writeValueAsString(b.groundTruth()));
            assertThat(sameData(a.dataset(), c.dataset())).as(s.id()).isFalse();
        }
    }

    @Test
    void scenariosDoNotShareRandomDrawsForOneSeed() {
        // clustered and gated both start with Gaussian draws: derived streams must differ
        double a = Scenarios.get("clustered").generate(5).dataset().task(0).x(0, 0);
        double b = Scenarios.get("gated").generate(5).dataset().task(0).x(0, 0);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void everyGeneratedNumberHasAtMostSixSignificantDigits() {
        for (Scenario s : Scenarios.all()) {
            for (Task t : s.generate(Scenarios.DEFAULT_SEED).dataset().tasks()) {
                for (double[] row : t.x()) {
                    for (double v : row) {
                        assertThat(SyntheticRandom.round(v)).isEqualTo(v);
                    }
                }
                for (double v : t.y()) {
                    assertThat(SyntheticRandom.round(v)).isEqualTo(v);
                }
            }
        }
    }

    static boolean sameData(MultiTaskDataset a, MultiTaskDataset b) {
        if (!a.taskNames().equals(b.taskNames()) || !a.featureNames().equals(b.featureNames())
                || !a.classLabels().equals(b.classLabels()) || !a.taskFeatureNames().equals(b.taskFeatureNames())) {
            return false;
        }
        for (int i = 0; i < a.taskCount(); i++) {
            Task ta = a.task(i);
            Task tb = b.task(i);
            if (!Arrays.deepEquals(ta.x(), tb.x()) || !Arrays.equals(ta.y(), tb.y())
                    || !Arrays.equals(ta.rowIds(), tb.rowIds())
                    || !Arrays.equals(a.taskFeatures(ta.name()), b.taskFeatures(tb.name()))) {
                return false;
            }
        }
        return true;
    }
}
