package org.mtlworkbench.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelFactory;

/**
 * The baselines' sense as multi-task references: sharing everything wins when the tasks are truly identical and
 * data are scarce; sharing nothing wins when the tasks differ.
 */
class PooledVersusIndependentTest {

    private static FittedModel fit(ModelFactory f, MultiTaskDataset ds) {
        return f.create(f.defaults()).fit(ds, FitContext.headless(1));
    }

    /** Train and test sets of T linear tasks; {@code identical}: one weight vector for all, else one each. */
    private static MultiTaskDataset[] linearTasks(boolean identical, int tasks, int d, int nTrain, long seed) {
        Random r = new Random(seed);
        double[] shared = BaselineTestData.gaussianVector(d, 1, r);
        List<Task> train = new ArrayList<>();
        List<Task> test = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            double[] w = identical ? shared : BaselineTestData.gaussianVector(d, 1, r);
            double b = identical ? 0.5 : 2 * r.nextGaussian();
            train.add(BaselineTestData.linearTask("t" + t, w, b, 1, nTrain, r));
            test.add(BaselineTestData.linearTask("t" + t, w, b, 1, 200, r));
        }
        return new MultiTaskDataset[] {BaselineTestData.regression("train", train, d),
                BaselineTestData.regression("test", test, d)};
    }

    private static MultiTaskDataset[] logisticTasks(boolean identical, int tasks, int d, int nTrain, long seed) {
        Random r = new Random(seed);
        double[] shared = BaselineTestData.gaussianVector(d, 2, r);
        List<Task> train = new ArrayList<>();
        List<Task> test = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            // different tasks: opposite signs for half of them, so pooling cancels the signal
            double[] w = shared.clone();
            if (!identical && t % 2 == 1) {
                for (int j = 0; j < d; j++) {
                    w[j] = -w[j];
                }
            }
            train.add(BaselineTestData.logisticTask("t" + t, w, 0, nTrain, r));
            test.add(BaselineTestData.logisticTask("t" + t, w, 0, 300, r));
        }
        return new MultiTaskDataset[] {BaselineTestData.classification("train", train, d, 2),
                BaselineTestData.classification("test", test, d, 2)};
    }

    @Test
    void pooledWinsOnIdenticalRegressionTasksWithFewRows() {
        MultiTaskDataset[] data = linearTasks(true, 10, 5, 7, 1);
        double ind = BaselineTestData.rmse(fit(new IndependentBayesFactory(), data[0]), data[1]);
        double pool = BaselineTestData.rmse(fit(new PooledBayesFactory(), data[0]), data[1]);
        assertThat(pool).isLessThan(ind);
        // with 70 rows for 6 parameters the pooled model is close to the noise floor (σ = 1)
        assertThat(pool).isLessThan(1.1);
    }

    @Test
    void independentWinsOnDifferentRegressionTasks() {
        MultiTaskDataset[] data = linearTasks(false, 10, 5, 30, 2);
        double ind = BaselineTestData.rmse(fit(new IndependentBayesFactory(), data[0]), data[1]);
        double pool = BaselineTestData.rmse(fit(new PooledBayesFactory(), data[0]), data[1]);
        assertThat(ind).isLessThan(pool);
        assertThat(ind).isLessThan(1.2);
    }

    @Test
    void pooledWinsOnIdenticalClassificationTasksWithFewRows() {
        MultiTaskDataset[] data = logisticTasks(true, 8, 3, 12, 3);
        double ind = BaselineTestData.logLoss(fit(new IndependentBayesFactory(), data[0]), data[1]);
        double pool = BaselineTestData.logLoss(fit(new PooledBayesFactory(), data[0]), data[1]);
        assertThat(pool).isLessThan(ind);
    }

    @Test
    void independentWinsOnOpposedClassificationTasks() {
        MultiTaskDataset[] data = logisticTasks(false, 8, 3, 60, 4);
        double ind = BaselineTestData.logLoss(fit(new IndependentBayesFactory(), data[0]), data[1]);
        double pool = BaselineTestData.logLoss(fit(new PooledBayesFactory(), data[0]), data[1]);
        assertThat(ind).isLessThan(pool);
        // pooling opposite tasks leaves nothing to learn: about log 2
        assertThat(pool).isGreaterThan(0.6);
    }
}
