package org.mtlworkbench.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.numeric.Nlpd;

/**
 * Predictive metrics, with the conventions of the multi-task literature.
 *
 * <p>Regression: {@code rmse}, {@code explained_variance} (1 − MSE/Var(y), Var with divisor n) and {@code nlpd}
 * (Gaussian, with the predicted variance). Overall RMSE and explained variance are computed over all rows of all
 * tasks pooled (the School-data convention); nlpd is the mean over all rows.
 *
 * <p>Classification: {@code accuracy}, {@code auc} (binary: score = P(class 1); more classes: the macro average of
 * one-vs-rest AUCs over the classes present in the task) and {@code nlpd} (−log p(true class)). Overall accuracy and
 * AUC are averages over tasks; tasks whose AUC is undefined (one class only) are left out of the AUC average and
 * {@code auc_tasks} says how many were used. nlpd is the mean over all rows.
 *
 * <p>{@link Evaluation#taskAverage()} is the plain average over tasks of every metric, NaN values left out.
 */
public final class Metrics {

    public static final String RMSE = "rmse";
    public static final String EXPLAINED_VARIANCE = "explained_variance";
    public static final String NLPD = "nlpd";
    public static final String ACCURACY = "accuracy";
    public static final String AUC = "auc";
    public static final String AUC_TASKS = "auc_tasks";
    public static final String ROWS = "rows";
    public static final String TASKS = "tasks";

    private Metrics() {
    }

    /** Root mean squared error. */
    public static double rmse(double[] y, double[] mean) {
        return Math.sqrt(mse(y, mean));
    }

    /** 1 − MSE / Var(y) (both with divisor n); NaN when y is constant or empty. */
    public static double explainedVariance(double[] y, double[] mean) {
        double var = variance(y);
        return var > 0 ? 1 - mse(y, mean) / var : Double.NaN;
    }

    /** Fraction of rows where the predicted class equals the true one. */
    public static double accuracy(int[] y, int[] pred) {
        checkLengths(y.length, pred.length);
        if (y.length == 0) {
            return Double.NaN;
        }
        int hits = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == pred[i]) {
                hits++;
            }
        }
        return (double) hits / y.length;
    }

    /**
     * Area under the ROC curve by the Mann–Whitney statistic: the probability that a random positive scores above a
     * random negative, ties counted 1/2. NaN when only one class is present. O(n log n) via average ranks.
     */
    public static double auc(int[] y01, double[] score) {
        int n = y01.length;
        checkLengths(n, score.length);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1; // ranks are 1-based; a block of ties shares the mean rank
            for (int k = i; k <= j; k++) {
                if (y01[order[k]] == 1) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Mean over rows of −log N(y | mean, var). */
    public static double nlpdGaussian(double[] y, double[] mean, double[] var) {
        checkLengths(y.length, mean.length);
        checkLengths(y.length, var.length);
        return sumNlpdGaussian(y, mean, var) / y.length;
    }

    /** Mean over rows of −log p(true class), probabilities floored at 1e-15. */
    public static double nlpdCategorical(int[] y, double[][] p) {
        checkLengths(y.length, p.length);
        return sumNlpdCategorical(y, p) / y.length;
    }

    /**
     * Macro average of one-vs-rest AUCs over the classes present in {@code y} (a class alone in every row gives no
     * AUC); for two classes the AUC with score P(class 1). NaN when fewer than two classes are present.
     */
    public static double aucMulticlass(int[] y, double[][] p) {
        int k = p.length == 0 ? 0 : p[0].length;
        if (k == 2) {
            return auc(y, column(p, 1));
        }
        double sum = 0;
        int used = 0;
        for (int c = 0; c < k; c++) {
            int[] yc = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                yc[i] = y[i] == c ? 1 : 0;
            }
            double a = auc(yc, column(p, c));
            if (!Double.isNaN(a)) {
                sum += a;
                used++;
            }
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    /** Predicts every task's rows with {@code model} and computes per-task, overall and task-averaged metrics. */
    public static Evaluation evaluate(FittedModel model, MultiTaskDataset data) {
        return new Evaluator(data).evaluate(model);
    }

    /** {@code x} and {@code y}: each task's rows, read and never modified here (the {@link Evaluator}'s copies). */
    static Evaluation evaluate(FittedModel model, MultiTaskDataset data, double[][][] x, double[][] y) {
        return data.isClassification() ? evaluateClassification(model, data, x, y)
                : evaluateRegression(model, data, x, y);
    }

    // per-task metric names, shared by every evaluation's maps (a run evaluates up to every step: decision 0044)
    private static final String[] REGRESSION_METRICS = {RMSE, EXPLAINED_VARIANCE, NLPD};
    private static final String[] CLASSIFICATION_METRICS = {ACCURACY, AUC, NLPD};

    private static Evaluation evaluateRegression(FittedModel model, MultiTaskDataset data, double[][][] xs,
            double[][] ys) {
        List<TaskMetrics> perTask = new ArrayList<>(data.taskCount());
        // pooled over all rows, accumulated in task and row order (what concatenating the rows first would give)
        double sse = 0;
        double nlpdSum = 0;
        double ySum = 0;
        int rows = 0;
        for (int t = 0; t < data.taskCount(); t++) {
            double[] y = ys[t];
            if (y.length == 0) {
                continue;
            }
            String name = data.task(t).name();
            Prediction p = model.predict(t, xs[t]);
            if (!(p instanceof Prediction.Regression r) || r.size() != y.length) {
                throw new IllegalStateException("model gave " + describe(p) + " for " + y.length
                        + " regression rows of task " + name);
            }
            double[] mean = r.mean();
            perTask.add(new TaskMetrics(name, y.length, CompactDoubleMap.of(REGRESSION_METRICS, new double[] {
                rmse(y, mean), explainedVariance(y, mean), nlpdGaussian(y, mean, r.variance())})));
            for (int i = 0; i < y.length; i++) {
                double e = y[i] - mean[i];
                sse += e * e;
                ySum += y[i];
            }
            nlpdSum += sumNlpdGaussian(y, mean, r.variance());
            rows += y.length;
        }
        double yMean = ySum / rows;
        double ss = 0;
        for (double[] y : ys) {
            for (double v : y) {
                ss += (v - yMean) * (v - yMean);
            }
        }
        double mse = sse / rows;
        double var = ss / rows;
        Map<String, Double> overall = CompactDoubleMap.of(new String[] {RMSE, EXPLAINED_VARIANCE, NLPD, ROWS},
                new double[] {Math.sqrt(mse), var > 0 ? 1 - mse / var : Double.NaN, nlpdSum / rows, rows});
        return new Evaluation(perTask, overall, taskAverage(perTask, REGRESSION_METRICS));
    }

    private static Evaluation evaluateClassification(FittedModel model, MultiTaskDataset data, double[][][] xs,
            double[][] ys) {
        List<TaskMetrics> perTask = new ArrayList<>(data.taskCount());
        double nlpdSum = 0;
        int rows = 0;
        for (int t = 0; t < data.taskCount(); t++) {
            if (ys[t].length == 0) {
                continue;
            }
            String name = data.task(t).name();
            int[] y = labels(ys[t]);
            Prediction p = model.predict(t, xs[t]);
            if (!(p instanceof Prediction.Classification c) || c.size() != y.length) {
                throw new IllegalStateException("model gave " + describe(p) + " for " + y.length
                        + " classification rows of task " + name);
            }
            double[][] prob = c.probabilities();
            perTask.add(new TaskMetrics(name, y.length, CompactDoubleMap.of(CLASSIFICATION_METRICS, new double[] {
                accuracy(y, c.argmax()), aucMulticlass(y, prob), nlpdCategorical(y, prob)})));
            nlpdSum += sumNlpdCategorical(y, prob);
            rows += y.length;
        }
        Map<String, Double> overall = CompactDoubleMap.of(new String[] {ACCURACY, AUC, AUC_TASKS, NLPD, ROWS},
                new double[] {mean(perTask, ACCURACY), mean(perTask, AUC), count(perTask, AUC), nlpdSum / rows, rows});
        return new Evaluation(perTask, overall, taskAverage(perTask, CLASSIFICATION_METRICS));
    }

    private static Map<String, Double> taskAverage(List<TaskMetrics> perTask, String[] names) {
        String[] keys = Arrays.copyOf(names, names.length + 1);
        keys[names.length] = TASKS;
        double[] values = new double[keys.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = mean(perTask, names[i]);
        }
        values[names.length] = perTask.size();
        return CompactDoubleMap.of(keys, values);
    }

    /** Mean of a metric over tasks, NaN values left out. */
    private static double mean(List<TaskMetrics> perTask, String name) {
        double sum = 0;
        int n = 0;
        for (TaskMetrics tm : perTask) {
            Double v = tm.values().get(name);
            if (v != null && !Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static int count(List<TaskMetrics> perTask, String name) {
        int n = 0;
        for (TaskMetrics tm : perTask) {
            Double v = tm.values().get(name);
            if (v != null && !Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    private static double sumNlpdGaussian(double[] y, double[] mean, double[] var) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Nlpd.gaussian(y[i], mean[i], var[i]);
        }
        return s;
    }

    private static double sumNlpdCategorical(int[] y, double[][] p) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += Nlpd.categorical(p[i][y[i]]);
        }
        return s;
    }

    private static double mse(double[] y, double[] mean) {
        checkLengths(y.length, mean.length);
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - mean[i];
            s += e * e;
        }
        return s / y.length;
    }

    private static double variance(double[] y) {
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double s = 0;
        for (double v : y) {
            s += (v - m) * (v - m);
        }
        return s / y.length;
    }

    private static double[] column(double[][] p, int c) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i][c];
        }
        return out;
    }

    private static int[] labels(double[] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (int) y[i];
        }
        return out;
    }

    private static String describe(Prediction p) {
        return p == null ? "no prediction" : p.getClass().getSimpleName() + " of " + p.size() + " rows";
    }

    private static void checkLengths(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("lengths differ: " + a + " and " + b);
        }
    }
}
