package org.mtlworkbench.model.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.TaskMatrix;

class HbFactoryTest {

    @Test
    void theFourPriorsAreRegisteredAndRegressionOnly() {
        ModelRegistry reg = ModelRegistry.load();
        for (String id : List.of("hb-single", "hb-dependent-mean", "clustering", "gating")) {
            var f = reg.get(id);
            assertThat(f.supports(TargetType.REGRESSION)).isTrue();
            assertThat(f.supports(TargetType.CLASSIFICATION)).isFalse();
            assertThat(f.reference()).contains("Bakker");
            assertThat(f.defaults().asMap()).containsKeys("hidden", "activation", "restarts", "cov-prior");
        }
        assertThat(reg.get("gating").defaults().asMap()).containsKeys("clusters", "gate-l2");
        assertThat(reg.get("hb-single").defaults().asMap()).doesNotContainKey("clusters");
    }

    @Test
    void featureDependentPriorsNameTheMissingTaskFeatures() {
        MultiTaskDataset ds = Scenarios.get("clustered").generate(1).dataset();
        for (HbFactory f : List.of(new HbFactory.DependentMean(), new HbFactory.Gating())) {
            assertThatThrownBy(() -> f.create(f.defaults()).fit(ds, FitContext.headless(1)))
                    .isInstanceOf(FitFailedException.class)
                    .hasMessageContaining("task features").hasMessageContaining("--tasks-file");
        }
        MultiTaskDataset partial = ds.withTaskFeatures(List.of("f"), java.util.Map.of("t01", new double[] {1}));
        assertThatThrownBy(() -> new HbFactory.Gating().create(new HbFactory.Gating().defaults())
                .fit(partial, FitContext.headless(1)))
                .isInstanceOf(FitFailedException.class).hasMessageContaining("t02");
    }

    @Test
    void gatingReportsResponsibilitiesCoAssignmentAndGateEveryStep() {
        MultiTaskDataset ds = Scenarios.get("gated").generate(2).dataset();
        List<ModelSnapshot> snaps = new java.util.ArrayList<>();
        var f = new HbFactory.Gating();
        f.create(f.defaults().with("iterations", 5)).fit(ds, FitContext.headless(3, snaps::add));
        assertThat(snaps).isNotEmpty();
        for (ModelSnapshot s : snaps) {
            assertThat(s.losses().keySet()).first().isEqualTo(HbModel.LOSS_TOTAL);
            assertThat(s.views()).hasSize(3);
            AllocationMatrix z = (AllocationMatrix) s.views().get(0);
            TaskMatrix co = (TaskMatrix) s.views().get(1);
            for (int i = 0; i < z.tasks().size(); i++) {
                assertThat(z.values()[i][0] + z.values()[i][1]).isCloseTo(1.0,
                        org.assertj.core.data.Offset.offset(1e-12));
                double self = z.values()[i][0] * z.values()[i][0] + z.values()[i][1] * z.values()[i][1];
                assertThat(co.get(i, i)).isCloseTo(self, org.assertj.core.data.Offset.offset(1e-12));
            }
            assertThat(s.views().get(2).title()).contains("gate");
            assertThat(s.scalars()).containsKeys("noise σ", "weight of cluster 1", "weight of cluster 2");
            assertThat(s.current()).isNotNull();
        }
    }
}
