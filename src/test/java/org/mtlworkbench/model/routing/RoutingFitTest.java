package org.mtlworkbench.model.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.TaskMatrix;

class RoutingFitTest {

    @Test
    void isFoundThroughTheServiceLoader() {
        assertThat(ModelRegistry.load().get(RoutingFactory.ID)).isInstanceOf(RoutingFactory.class);
    }

    @Test
    void theTauKnobIsSeenFromTheNextStep() {
        MultiTaskDataset data = RoutingTestData.random(3, 30, 4, 2, false);
        List<Double> taus = new ArrayList<>();
        FitContext[] ctx = new FitContext[1];
        ctx[0] = FitContext.headless(1, s -> {
            taus.add(s.scalars().get(RoutingModel.SCALAR_TAU));
            if (s.step() == 3) {
                ctx[0].knobs().set(RoutingFactory.TAU, 0.05);
            }
        });
        new RoutingFactory().create(RoutingTestData.params("steps", "6", "tauSchedule", "inverse-sqrt"))
                .fit(data, ctx[0]);
        assertThat(taus.subList(0, 3)).containsExactly(1.0, 1 / Math.sqrt(2), 1 / Math.sqrt(3));
        assertThat(taus.subList(3, 6)).containsOnly(0.05);
    }

    @Test
    void noTaskEverHasAnEmptyLayer() {
        MultiTaskDataset data = RoutingTestData.random(5, 20, 3, 2, false);
        for (String st : new String[] {"true", "false"}) {
            RoutingSettings s = RoutingTestData.settings("initLogit", "-6", "straightThrough", st, "components", "3",
                    "layers", "3", "allocationLearningRate", "0.5");
            try (RoutingTrainer trainer = new RoutingTrainer(data, s, FitContext.headless(2)::random)) {
                for (int step = 1; step <= 60; step++) {
                    RoutingTrainer.Outcome o = trainer.step(step, step % 2 == 0 ? 0.01 : 3);
                    assertThat(o.fewestActive()).as("step %d, straight-through %s", step, st).isGreaterThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void batchedStepEqualsThePerTaskLoop() {
        for (boolean regression : new boolean[] {false, true}) {
            for (String head : HeadKind.ids()) {
                MultiTaskDataset data = RoutingTestData.random(4, 25, 5, 3, regression);
                RoutingSettings s = RoutingTestData.settings("head", head, "batchSize", "16", "layers", "3");
                try (RoutingTrainer batched = new RoutingTrainer(data, s, FitContext.headless(4)::random);
                     RoutingTrainer loop = new RoutingTrainer(data, s, FitContext.headless(4)::random)) {
                    for (int step = 1; step <= 3; step++) {
                        RoutingTrainer.Outcome a = batched.step(step, 0.7, false);
                        RoutingTrainer.Outcome b = loop.step(step, 0.7, true);
                        assertThat(a.total()).isCloseTo(b.total(), within(1e-4 * (1 + Math.abs(b.total()))));
                        for (int t = 0; t < 4; t++) {
                            assertThat(a.taskLosses()[t]).isCloseTo(b.taskLosses()[t], within(1e-4));
                        }
                    }
                    assertClose(batched.weights().weights(), loop.weights().weights());
                    assertClose(batched.logits(), loop.logits());
                }
            }
        }
    }

    private static void assertClose(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("entry %d", i).isCloseTo(b[i], within(1e-4f));
        }
    }

    @Test
    void fixedAllocationsShareEverythingOrNothing() {
        MultiTaskDataset data = RoutingTestData.random(3, 20, 3, 2, false);
        FittedModel allOn = fit(data, "allocation", "all-on", "steps", "3");
        FittedModel independent = fit(data, "allocation", "independent", "steps", "3", "components", "8");
        TaskMatrix shared = (TaskMatrix) allOn.relatedness().get(0);
        TaskMatrix separate = (TaskMatrix) independent.relatedness().get(0);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(shared.get(i, j)).isCloseTo(1.0, within(1e-12));
                assertThat(separate.get(i, j)).isEqualTo(i == j ? 1.0 : 0.0);
            }
        }
        AllocationMatrix layer = (AllocationMatrix) independent.relatedness().get(1);
        assertThat(layer.components()).hasSize(3);
    }

    private static FittedModel fit(MultiTaskDataset data, String... params) {
        return new RoutingFactory().create(RoutingTestData.params(params)).fit(data, FitContext.headless(1));
    }

    @Test
    void learnsClassificationAndRegressionAndReportsEveryStep() {
        MultiTaskDataset cls = RoutingTestData.random(3, 80, 4, 2, false);
        List<ModelSnapshot> reports = new ArrayList<>();
        FittedModel c = new RoutingFactory().create(RoutingTestData.params("steps", "300"))
                .fit(cls, FitContext.headless(1, reports::add));
        assertThat(reports).hasSize(300);
        ModelSnapshot last = reports.get(299);
        assertThat(last.losses()).containsKeys(RoutingModel.LOSS_TOTAL, "NLL t0", "NLL t2");
        assertThat(last.scalars()).containsKeys(RoutingModel.SCALAR_ENTROPY, RoutingModel.SCALAR_ACTIVE);
        assertThat(last.views()).hasSize(3); // sharing + 2 layers
        assertThat(last.current().predict(0, cls.task(0).x()).size()).isEqualTo(80);
        for (int t = 0; t < 3; t++) {
            int[] guess = ((Prediction.Classification) c.predict(t, cls.task(t).x())).argmax();
            int right = 0;
            for (int i = 0; i < guess.length; i++) {
                right += guess[i] == (int) cls.task(t).y(i) ? 1 : 0;
            }
            assertThat(right / 80.0).as("training accuracy of task %d", t).isGreaterThan(0.9); // wide stripes of s/3: chance is 0.5
        }
        MultiTaskDataset reg = RoutingTestData.random(3, 80, 4, 2, true);
        FittedModel r = fit(reg, "steps", "400");
        for (int t = 0; t < 3; t++) {
            Prediction.Regression p = (Prediction.Regression) r.predict(t, reg.task(t).x());
            double sse = 0;
            double sst = 0;
            double mean = java.util.Arrays.stream(reg.task(t).y()).average().orElseThrow();
            for (int i = 0; i < 80; i++) {
                sse += Math.pow(p.mean()[i] - reg.task(t).y(i), 2);
                sst += Math.pow(reg.task(t).y(i) - mean, 2);
                assertThat(p.variance()[i]).isPositive();
            }
            assertThat(1 - sse / sst).as("training R² of task %d", t).isGreaterThan(0.9);
        }
    }

    @Test
    void sharingIsTheCosineOfAllocations() {
        double[][][] p = {{{1, 0}}, {{0, 1}}, {{1, 1}}};
        double[][] s = AllocationViews.sharing(p);
        assertThat(s[0][1]).isZero();
        assertThat(s[0][2]).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(s[2][2]).isEqualTo(1.0);
        assertThat(AllocationViews.entropyBits(new double[][][] {{{0.5, 1.0}}})).isCloseTo(0.5, within(1e-12));
    }
}
