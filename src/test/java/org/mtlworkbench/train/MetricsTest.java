package org.mtlworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;

class MetricsTest {

    /** Counts pairs: P(score of a positive > score of a negative) + 1/2 P(equal). */
    private static double bruteForceAuc(int[] y, double[] s) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return pairs == 0 ? Double.NaN : wins / pairs;
    }

    @Test
    void aucMatchesBruteForcePairCountWithTies() {
        Random rnd = new Random(42);
        for (int rep = 0; rep < 300; rep++) {
            int n = 2 + rnd.nextInt(40);
            int[] y = new int[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextInt(2);
                s[i] = rnd.nextInt(5) / 4.0; // few distinct values: many ties
            }
            assertThat(Metrics.auc(y, s)).as("case %d", rep).isEqualTo(bruteForceAuc(y, s), within(1e-12));
        }
    }

    @Test
    void aucKnownValues() {
        assertThat(Metrics.auc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.2, 0.3, 0.4})).isEqualTo(1.0);
        assertThat(Metrics.auc(new int[] {1, 1, 0, 0}, new double[] {0.1, 0.2, 0.3, 0.4})).isEqualTo(0.0);
        assertThat(Metrics.auc(new int[] {0, 1}, new double[] {0.5, 0.5})).isEqualTo(0.5);
        assertThat(Metrics.auc(new int[] {1, 1, 1}, new double[] {0.1, 0.2, 0.3})).isNaN();
    }

    @Test
    void multiclassAucIsTheMacroAverageOfOneVsRestOverPresentClasses() {
        Random rnd = new Random(3);
        int n = 30;
        int[] y = new int[n];
        double[][] p = new double[n][4];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(3); // class 3 never occurs: no one-vs-rest AUC for it
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                p[i][c] = rnd.nextInt(4) + 1;
                sum += p[i][c];
            }
            for (int c = 0; c < 4; c++) {
                p[i][c] /= sum;
            }
        }
        double expected = 0;
        for (int c = 0; c < 3; c++) {
            int[] yc = new int[n];
            double[] sc = new double[n];
            for (int i = 0; i < n; i++) {
                yc[i] = y[i] == c ? 1 : 0;
                sc[i] = p[i][c];
            }
            expected += bruteForceAuc(yc, sc) / 3;
        }
        assertThat(Metrics.aucMulticlass(y, p)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void rmseAndExplainedVarianceByHand() {
        double[] y = {1, 2, 3, 4};
        double[] m = {1.5, 2, 2, 5};
        // squared errors .25, 0, 1, 1 → MSE 0.5625; Var(y) = 1.25
        assertThat(Metrics.rmse(y, m)).isCloseTo(0.75, within(1e-15));
        assertThat(Metrics.explainedVariance(y, m)).isCloseTo(1 - 0.5625 / 1.25, within(1e-15));
        assertThat(Metrics.explainedVariance(y, new double[] {2.5, 2.5, 2.5, 2.5})).isCloseTo(0, within(1e-15));
        assertThat(Metrics.explainedVariance(new double[] {3, 3}, new double[] {3, 3})).isNaN();
    }

    @Test
    void accuracyAndCategoricalNlpdByHand() {
        assertThat(Metrics.accuracy(new int[] {0, 1, 2, 1}, new int[] {0, 1, 1, 1})).isEqualTo(0.75);
        double[][] p = {{0.5, 0.5}, {0.75, 0.25}};
        assertThat(Metrics.nlpdCategorical(new int[] {0, 1}, p))
                .isCloseTo((Math.log(2) + Math.log(4)) / 2, within(1e-15));
    }

    @Test
    void gaussianNlpdMatchesTheDensity() {
        double[] y = {1.0, -0.3, 2.5};
        double[] m = {0.0, 0.1, 2.0};
        double[] v = {4.0, 0.25, 1.5};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected -= new NormalDistribution(m[i], Math.sqrt(v[i])).logDensity(y[i]) / 3;
        }
        assertThat(Metrics.nlpdGaussian(y, m, v)).isCloseTo(expected, within(1e-12));
        // and the closed form for one row: ½log(2π·4) + 1²/(2·4)
        assertThat(Metrics.nlpdGaussian(new double[] {1}, new double[] {0}, new double[] {4}))
                .isCloseTo(0.5 * Math.log(8 * Math.PI) + 0.125, within(1e-15));
    }

    private static double[][] x(int n) {
        return new double[n][1];
    }

    @Test
    void regressionOverallIsPooledTaskAverageIsPerTask() {
        // task a: y {0, 2}, predicted {1, 1}: MSE 1, Var 1 → RMSE 1, EV 0
        // task b: y {10, 14}, predicted {10, 12}: MSE 2, Var 4 → RMSE √2, EV ½
        MultiTaskDataset ds = new MultiTaskDataset("two", List.of("x"), TargetType.REGRESSION, List.of(),
                List.of(Task.of("a", x(2), new double[] {0, 2}), Task.of("b", x(2), new double[] {10, 14})));
        double[][] means = {{1, 1}, {10, 12}};
        FittedModel model = (task, rows) -> new Prediction.Regression(means[task], new double[] {1, 1});
        Evaluation e = Metrics.evaluate(model, ds);

        // pooled: y {0, 2, 10, 14} mean 6.5, Var = (42.25 + 20.25 + 12.25 + 56.25) / 4 = 32.75; MSE = 6/4
        assertThat(e.overall().get(Metrics.RMSE)).isCloseTo(Math.sqrt(1.5), within(1e-12));
        assertThat(e.overall().get(Metrics.EXPLAINED_VARIANCE)).isCloseTo(1 - 1.5 / 32.75, within(1e-12));
        assertThat(e.overall().get(Metrics.ROWS)).isEqualTo(4.0);
        assertThat(e.taskAverage().get(Metrics.RMSE)).isCloseTo((1 + Math.sqrt(2)) / 2, within(1e-12));
        assertThat(e.taskAverage().get(Metrics.EXPLAINED_VARIANCE)).isCloseTo(0.25, within(1e-12));
        assertThat(e.taskAverage().get(Metrics.TASKS)).isEqualTo(2.0);
        assertThat(e.perTask()).extracting(TaskMetrics::task).containsExactly("a", "b");
        assertThat(e.perTask().get(1).values().get(Metrics.RMSE)).isCloseTo(Math.sqrt(2), within(1e-12));
        // nlpd with unit variance: mean over rows of ½log 2π + e²/2, squared errors 1, 1, 0, 4
        assertThat(e.overall().get(Metrics.NLPD))
                .isCloseTo(0.5 * Math.log(2 * Math.PI) + (1 + 1 + 0 + 4) / 8.0, within(1e-12));
    }

    @Test
    void classificationOverallAveragesOverTasksAndSkipsOneClassTasksForAuc() {
        // task a: 4 rows, both classes, 2 right → accuracy ½, AUC from scores
        // task b: 2 rows, class 1 only, both right → accuracy 1, AUC undefined
        MultiTaskDataset ds = new MultiTaskDataset("two", List.of("x"), TargetType.CLASSIFICATION,
                List.of("no", "yes"),
                List.of(Task.of("a", x(4), new double[] {0, 0, 1, 1}), Task.of("b", x(2), new double[] {1, 1})));
        double[][][] probs = {
            {{0.8, 0.2}, {0.4, 0.6}, {0.7, 0.3}, {0.1, 0.9}},
            {{0.3, 0.7}, {0.2, 0.8}}};
        FittedModel model = (task, rows) -> new Prediction.Classification(probs[task]);
        Evaluation e = Metrics.evaluate(model, ds);

        // positives score .3, .9; negatives .2, .6: pairs (.3>.2), (.3<.6), (.9>.2), (.9>.6) → 3/4
        assertThat(e.perTask().get(0).values().get(Metrics.AUC)).isEqualTo(0.75);
        assertThat(e.perTask().get(1).values().get(Metrics.AUC)).isNaN();
        assertThat(e.overall().get(Metrics.ACCURACY)).isEqualTo(0.75); // (½ + 1) / 2, not pooled 4/6
        assertThat(e.overall().get(Metrics.AUC)).isEqualTo(0.75);
        assertThat(e.overall().get(Metrics.AUC_TASKS)).isEqualTo(1.0);
        double nlpdRows = -(Math.log(0.8) + Math.log(0.4) + Math.log(0.3) + Math.log(0.9) + Math.log(0.7)
                + Math.log(0.8));
        assertThat(e.overall().get(Metrics.NLPD)).isCloseTo(nlpdRows / 6, within(1e-12));
        double nlpdA = -(Math.log(0.8) + Math.log(0.4) + Math.log(0.3) + Math.log(0.9)) / 4;
        double nlpdB = -(Math.log(0.7) + Math.log(0.8)) / 2;
        assertThat(e.taskAverage().get(Metrics.NLPD)).isCloseTo((nlpdA + nlpdB) / 2, within(1e-12));
        assertThat(e.overall().get(Metrics.ROWS)).isEqualTo(6.0);
    }

    @Test
    void latestValueKeepsOnlyTheNewest() {
        LatestValue<Integer> v = new LatestValue<>();
        assertThat(v.poll()).isNull();
        for (int i = 1; i <= 1000; i++) {
            v.set(i);
        }
        assertThat(v.poll()).isEqualTo(1000);
        assertThat(v.poll()).isNull();
        assertThat(v.peek()).isEqualTo(1000);
    }
}
