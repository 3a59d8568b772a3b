package org.mtlworkbench.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitCancelledException;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.LiveKnobs;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.TaskMatrix;

/** The two factories and their models through the SPI. */
class BaselineModelTest {

    private static MultiTaskDataset regressionData(int tasks, int n, int d, long seed) {
        Random r = new Random(seed);
        List<Task> list = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            list.add(BaselineTestData.linearTask("t" + t, BaselineTestData.gaussianVector(d, 1, r), t, 4, n, r));
        }
        return BaselineTestData.regression("reg", list, d);
    }

    /** Classes from the argmax of K random linear scores plus noise. */
    private static MultiTaskDataset multiClassData(int tasks, int n, int d, int k, long seed) {
        Random r = new Random(seed);
        double[][] w = new double[k][];
        for (int c = 0; c < k; c++) {
            w[c] = BaselineTestData.gaussianVector(d, 1, r);
        }
        List<Task> list = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < d; j++) {
                    x[i][j] = r.nextGaussian();
                }
                for (int c = 0; c < k; c++) {
                    double s = 0.3 * r.nextGaussian();
                    for (int j = 0; j < d; j++) {
                        s += w[c][j] * x[i][j];
                    }
                    if (s > bestScore) {
                        bestScore = s;
                        best = c;
                    }
                }
                y[i] = i < k ? i : best; // every class present in every task
            }
            list.add(Task.of("t" + t, x, y));
        }
        return BaselineTestData.classification("mc", list, d, k);
    }

    @Test
    void factoriesAreRegisteredWithDocumentedParameters() {
        ModelRegistry reg = ModelRegistry.load();
        for (String id : List.of("independent", "pooled")) {
            ModelFactory f = reg.get(id);
            assertThat(f.displayName()).isNotBlank();
            assertThat(f.description()).isNotBlank();
            assertThat(f.supports(TargetType.REGRESSION)).isTrue();
            assertThat(f.supports(TargetType.CLASSIFICATION)).isTrue();
            for (ParamSpec p : f.params()) {
                assertThat(p.help()).as(p.name()).isNotBlank();
            }
            assertThat(f.defaults().getInt("maxIterations")).isEqualTo(100);
        }
        assertThat(reg.get("independent").defaults().asMap()).containsKey("shareHyperparameters");
        assertThat(reg.get("pooled").defaults().asMap()).doesNotContainKey("shareHyperparameters");
    }

    @Test
    void regressionPredictionsHaveMeansAndVariancesAboveTheNoise() {
        MultiTaskDataset ds = regressionData(3, 30, 4, 1);
        for (String id : List.of("independent", "pooled")) {
            ModelFactory f = ModelRegistry.load().get(id);
            List<ModelSnapshot> snaps = new ArrayList<>();
            FittedModel m = f.create(f.defaults()).fit(ds, FitContext.headless(1, snaps::add));
            Prediction.Regression p = (Prediction.Regression) m.predict(1, ds.task(1).x());
            assertThat(p.size()).isEqualTo(30);
            for (double v : p.variance()) {
                assertThat(v).isPositive().isFinite();
            }
            assertThat(snaps).isNotEmpty();
            ModelSnapshot last = snaps.get(snaps.size() - 1);
            assertThat(last.losses()).containsKey("negative log evidence");
            assertThat(last.scalars()).containsKeys("mean log10 α", "mean log10 β");
            assertThat(last.current()).isNotNull();
            assertThat(last.current().predict(0, ds.task(0).x())).isInstanceOf(Prediction.Regression.class);
        }
    }

    @Test
    void independentOffersASymmetricCosineMatrixPooledNone() {
        MultiTaskDataset ds = regressionData(4, 25, 3, 2);
        FittedModel ind = new IndependentBayesFactory().create(new IndependentBayesFactory().defaults())
                .fit(ds, FitContext.headless(1));
        assertThat(ind.relatedness()).hasSize(1);
        TaskMatrix tm = (TaskMatrix) ind.relatedness().get(0);
        assertThat(tm.symmetric()).isTrue();
        assertThat(tm.tasks()).containsExactly("t0", "t1", "t2", "t3");
        for (int i = 0; i < 4; i++) {
            assertThat(tm.get(i, i)).isEqualTo(1.0);
            for (int j = 0; j < 4; j++) {
                assertThat(tm.get(i, j)).isEqualTo(tm.get(j, i)).isBetween(-1.0, 1.0);
            }
        }
        FittedModel pooled = new PooledBayesFactory().create(new PooledBayesFactory().defaults())
                .fit(ds, FitContext.headless(1));
        assertThat(pooled.relatedness()).isEmpty();
    }

    @Test
    void multiClassIsOneVsRestWithRowsSummingToOneAndLearnsTheClasses() {
        MultiTaskDataset train = multiClassData(3, 120, 5, 4, 3);
        MultiTaskDataset test = multiClassData(3, 200, 5, 4, 3); // same generator and weights, new rows
        for (String id : List.of("independent", "pooled")) {
            ModelFactory f = ModelRegistry.load().get(id);
            FittedModel m = f.create(f.defaults()).fit(train, FitContext.headless(1));
            double correct = 0;
            double total = 0;
            for (int t = 0; t < 3; t++) {
                Prediction.Classification p = (Prediction.Classification) m.predict(t, test.task(t).x());
                int[] arg = p.argmax();
                for (int i = 0; i < p.size(); i++) {
                    double s = 0;
                    for (double v : p.probabilities()[i]) {
                        assertThat(v).isBetween(0.0, 1.0);
                        s += v;
                    }
                    assertThat(s).isCloseTo(1.0, within(1e-12));
                    correct += arg[i] == test.task(t).y(i) ? 1 : 0;
                    total++;
                }
            }
            // 4 classes: chance is about 0.25
            assertThat(correct / total).as(id).isGreaterThan(0.6);
        }
    }

    @Test
    void manyMoreFeaturesThanRowsWorkInTheDualForm() {
        // 800 features, 20 rows per task, 10 classes: only 20×20 systems are ever factored
        MultiTaskDataset cls = multiClassData(2, 20, 800, 10, 4);
        FittedModel m = new IndependentBayesFactory().create(new IndependentBayesFactory().defaults()
                .with("maxIterations", 20)).fit(cls, FitContext.headless(1));
        Prediction.Classification p = (Prediction.Classification) m.predict(0, cls.task(1).x());
        for (double[] row : p.probabilities()) {
            for (double v : row) {
                assertThat(v).isFinite().isBetween(0.0, 1.0);
            }
        }
        MultiTaskDataset reg = regressionData(2, 20, 800, 5);
        FittedModel mr = new IndependentBayesFactory().create(new IndependentBayesFactory().defaults()
                .with("shareHyperparameters", false)).fit(reg, FitContext.headless(1));
        Prediction.Regression pr = (Prediction.Regression) mr.predict(0, reg.task(0).x());
        for (double v : pr.variance()) {
            assertThat(v).isFinite().isPositive();
        }
    }

    @Test
    void degenerateTasksFailWithAClearMessage() {
        Task single = Task.of("lonely", new double[][] {{1, 2}, {2, 1}, {0, 0}}, new double[] {1, 1, 1});
        Task fine = Task.of("fine", new double[][] {{1, 2}, {2, 1}, {0, 0}}, new double[] {0, 1, 0});
        MultiTaskDataset ds = BaselineTestData.classification("bad", List.of(single, fine), 2, 2);
        assertThatThrownBy(() -> new IndependentBayesFactory().create(new IndependentBayesFactory().defaults())
                .fit(ds, FitContext.headless(1)))
                .isInstanceOf(FitFailedException.class).hasMessageContaining("lonely").hasMessageContaining("class");
        Task empty = Task.of("empty", new double[0][], new double[0]);
        MultiTaskDataset dsEmpty = BaselineTestData.regression("bad", List.of(empty,
                BaselineTestData.linearTask("ok", new double[] {1, 1}, 0, 1, 5, new Random(1))), 2);
        assertThatThrownBy(() -> new IndependentBayesFactory().create(new IndependentBayesFactory().defaults())
                .fit(dsEmpty, FitContext.headless(1)))
                .isInstanceOf(FitFailedException.class).hasMessageContaining("empty").hasMessageContaining("no training rows");
    }

    @Test
    void cancellationEndsTheFit() {
        MultiTaskDataset ds = regressionData(3, 20, 3, 6);
        int[] reports = {0};
        FitContext ctx = new FitContext() {
            private final LiveKnobs knobs = new LiveKnobs();

            @Override
            public long seed() {
                return 1;
            }

            @Override
            public LiveKnobs knobs() {
                return knobs;
            }

            @Override
            public boolean isCancelled() {
                return reports[0] >= 1;
            }

            @Override
            public void report(ModelSnapshot snapshot) {
                reports[0]++;
                checkCancelled();
            }
        };
        BaselineModel model = new BaselineModel(BaselineModel.Sharing.INDEPENDENT, false, 1000, 1e-14, 0, Form.AUTO);
        assertThatThrownBy(() -> model.fit(ds, ctx)).isInstanceOf(FitCancelledException.class);
        assertThat(reports[0]).isEqualTo(1);
    }

    @Test
    void fitsAreReproducible() {
        MultiTaskDataset ds = multiClassData(2, 40, 3, 3, 7);
        ModelFactory f = new IndependentBayesFactory();
        FittedModel a = f.create(f.defaults()).fit(ds, FitContext.headless(1));
        FittedModel b = f.create(f.defaults()).fit(ds, FitContext.headless(2));
        Prediction.Classification pa = (Prediction.Classification) a.predict(1, ds.task(0).x());
        Prediction.Classification pb = (Prediction.Classification) b.predict(1, ds.task(0).x());
        assertThat(pa.probabilities()).isDeepEqualTo(pb.probabilities());
    }
}
