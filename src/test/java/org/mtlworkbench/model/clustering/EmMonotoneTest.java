package org.mtlworkbench.model.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.synthetic.Scenario;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.ParamValues;

/**
 * The generalised EM never lowers its objective (negative log evidence + penalty never rises), on every
 * regression scenario, for all four priors and both learned activations; classification scenarios are refused.
 */
class EmMonotoneTest {

    private static final List<HbFactory> FACTORIES = List.of(new HbFactory.Single(),
            new HbFactory.DependentMean(), new HbFactory.Clustering(), new HbFactory.Gating());

    @Test
    void objectiveNeverIncreasesOnAnyRegressionScenario() {
        int checked = 0;
        for (Scenario scenario : Scenarios.all()) {
            MultiTaskDataset ds = scenario.generate(3).dataset();
            if (ds.isClassification()) {
                continue;
            }
            ds = withTaskFeatures(ds);
            for (HbFactory f : FACTORIES) {
                for (String act : new String[] {"linear", "tanh"}) {
                    ParamValues v = f.defaults().with("activation", act).with("iterations", 40)
                            .with("restarts", 2).with("screen-steps", 5).with("tolerance", 0.0);
                    List<ModelSnapshot> snaps = new ArrayList<>();
                    f.create(v).fit(ds, FitContext.headless(9, snaps::add));
                    assertThat(snaps).isNotEmpty();
                    for (int s = 1; s < snaps.size(); s++) {
                        double before = snaps.get(s - 1).totalLoss();
                        double after = snaps.get(s).totalLoss();
                        assertThat(after).as("%s %s %s step %d", scenario.id(), f.id(), act, s + 1)
                                .isLessThanOrEqualTo(before + 1e-9 * (1 + Math.abs(before)));
                    }
                    // the first loss is the total: evidence part plus penalty part
                    ModelSnapshot last = snaps.get(snaps.size() - 1);
                    assertThat(last.totalLoss()).isCloseTo(last.losses().get(HbModel.LOSS_EVIDENCE)
                            + last.losses().get(HbModel.LOSS_PENALTY), org.assertj.core.data.Offset.offset(1e-9));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(4 * 4 * 2);
    }

    @Test
    void classificationScenariosAreRefusedWithAClearMessage() {
        for (Scenario scenario : Scenarios.all()) {
            MultiTaskDataset ds = scenario.generate(3).dataset();
            if (ds.isClassification()) {
                assertThat(new HbFactory.Clustering().supports(ds.targetType())).isFalse();
                assertThatThrownBy(() -> new HbFactory.Clustering().create(new HbFactory.Clustering().defaults())
                        .fit(ds, FitContext.headless(1)))
                        .isInstanceOf(FitFailedException.class).hasMessageContaining("regression");
            }
        }
    }

    /** Keeps real task features; gives the others two random ones so every prior can run. */
    static MultiTaskDataset withTaskFeatures(MultiTaskDataset ds) {
        if (ds.hasTaskFeatures()) {
            return ds;
        }
        SplittableRandom rng = new SplittableRandom(5);
        Map<String, double[]> f = new LinkedHashMap<>();
        for (String name : ds.taskNames()) {
            f.put(name, new double[] {rng.nextGaussian(), rng.nextGaussian()});
        }
        return ds.withTaskFeatures(List.of("r1", "r2"), f);
    }
}
