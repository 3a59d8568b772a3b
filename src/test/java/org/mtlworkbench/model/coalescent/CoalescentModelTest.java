package org.mtlworkbench.model.coalescent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;

/** The two factories through the SPI: registration, monotone objective, views, predictions, classification. */
class CoalescentModelTest {

    @Test
    void bothVariantsAreRegistered() {
        ModelRegistry r = ModelRegistry.load();
        assertThat(r.get("coalescent-da")).isInstanceOf(CoalescentDaFactory.class);
        assertThat(r.get("coalescent-mtl")).isInstanceOf(CoalescentMtlFactory.class);
        assertThat(r.get("coalescent-da").params()).extracting(p -> p.name())
                .contains("max-iterations", "noise-sd", "diffusion-prior", "diffusion-structure");
    }

    /**
     * Linear-Gaussian DA integrates the weights out exactly: the tree step keeps a tree only if it raises
     * p(Y | tree, Λ)·p(tree) and the Λ/noise steps are exact EM, so the negative log posterior never goes up.
     */
    @Test
    void domainAdaptationObjectiveNeverIncreases() {
        for (String structure : List.of("full", "diagonal", "isotropic")) {
            List<Double> trace = new ArrayList<>();
            var f = new CoalescentDaFactory();
            f.create(f.defaults().with("diffusion-structure", structure).with("tolerance", 0.0)
                            .with("max-iterations", 40))
                    .fit(Scenarios.get("tree").generate(3).dataset(),
                            FitContext.headless(0, s -> trace.add(s.totalLoss())));
            for (int i = 1; i < trace.size(); i++) {
                assertThat(trace.get(i)).as(structure + " step " + (i + 1))
                        .isLessThanOrEqualTo(trace.get(i - 1) + 1e-8 * Math.abs(trace.get(i - 1)));
            }
            assertThat(trace.get(trace.size() - 1)).isLessThan(trace.get(0));
        }
    }

    /** The MTL objective is Laplace-approximate; it must still fall overall and rise by no more than 0.1 % a step. */
    @Test
    void multiTaskObjectiveFallsOverall() {
        List<Double> trace = new ArrayList<>();
        var f = new CoalescentMtlFactory();
        f.create(f.defaults().with("max-iterations", 40)).fit(ReferenceDemo.generate(1).train,
                FitContext.headless(0, s -> trace.add(s.totalLoss())));
        for (int i = 1; i < trace.size(); i++) {
            assertThat(trace.get(i)).isLessThanOrEqualTo(trace.get(i - 1) + 1e-3 * Math.abs(trace.get(i - 1)));
        }
        assertThat(trace.get(trace.size() - 1)).isLessThan(trace.get(0));
    }

    @Test
    void snapshotsCarryTreeCopheneticMatrixAndFeatureHeatmap() {
        List<ModelSnapshot> snaps = new ArrayList<>();
        var f = new CoalescentMtlFactory();
        MultiTaskDataset ds = Scenarios.get("tree").generate(2).dataset();
        FittedModel m = f.create(f.defaults().with("max-iterations", 5)).fit(ds,
                FitContext.headless(0, snaps::add));
        ModelSnapshot last = snaps.get(snaps.size() - 1);
        assertThat(last.losses().keySet().iterator().next()).startsWith("negative ELBO");
        TaskTree tree = (TaskTree) last.views().get(0);
        assertThat(tree.leaves()).containsExactlyInAnyOrderElementsOf(ds.taskNames());
        assertThat(tree.toNewick()).endsWith(";").contains("t01");
        TaskMatrix coph = (TaskMatrix) last.views().get(1);
        for (int i = 0; i < coph.size(); i++) {
            assertThat(coph.get(i, i)).isEqualTo(1.0);
            for (int j = 0; j < coph.size(); j++) {
                assertThat(coph.get(i, j)).isBetween(0.0, 1.0).isEqualTo(coph.get(j, i));
            }
        }
        TaskMatrix r = (TaskMatrix) last.views().get(2);
        assertThat(r.tasks()).containsExactly("x1", "x2", "x3", "x4", "x5", "(intercept)");
        for (int i = 0; i < r.size(); i++) {
            assertThat(r.get(i, i)).isCloseTo(1.0, within(1e-12));
        }
        assertThat(last.views().get(3)).isInstanceOf(AllocationMatrix.class);
        Prediction.Regression p = (Prediction.Regression) m.predict(0, ds.task(0).x());
        for (double v : p.variance()) {
            assertThat(v).isPositive();
        }
    }

    /** Binary logistic tasks (Laplace): probabilities are proper and beat chance on separable-ish data. */
    @Test
    void logisticTasksPredictProperProbabilities() {
        SplittableRandom rng = new SplittableRandom(5);
        List<Task> tasks = new ArrayList<>();
        double[] base = {1.5, -1, 0.5};
        for (int k = 0; k < 6; k++) {
            double[][] x = new double[60][];
            double[] y = new double[60];
            for (int i = 0; i < 60; i++) {
                x[i] = ReferenceDemo.gaussian(rng, 3, 1);
                double a = Dense.dot(x[i], base) + 0.3 * k;
                y[i] = rng.nextDouble() < LeafPosterior.sigmoid(2 * a) ? 1 : 0;
            }
            tasks.add(Task.of("c" + k, x, y));
        }
        MultiTaskDataset ds = new MultiTaskDataset("logit", List.of("a", "b", "c"), TargetType.CLASSIFICATION,
                List.of("0", "1"), tasks);
        for (var f : List.of(new CoalescentDaFactory(), new CoalescentMtlFactory())) {
            FittedModel m = f.create(f.defaults().with("max-iterations", 20)).fit(ds, FitContext.headless(0));
            int correct = 0;
            int total = 0;
            for (int k = 0; k < 6; k++) {
                Prediction.Classification p = (Prediction.Classification) m.predict(k, ds.task(k).x());
                int[] label = p.argmax();
                for (int i = 0; i < label.length; i++) {
                    assertThat(p.probabilities()[i][0] + p.probabilities()[i][1]).isCloseTo(1.0, within(1e-12));
                    correct += label[i] == (int) ds.task(k).y(i) ? 1 : 0;
                    total++;
                }
            }
            assertThat((double) correct / total).as(f.id()).isGreaterThan(0.75);
        }
    }
}
