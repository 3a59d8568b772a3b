package org.mtlworkbench.model.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;

/** Synthetic tasks and the metrics the baseline tests use. */
final class BaselineTestData {

    private BaselineTestData() {
    }

    static List<String> featureNames(int d) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return names;
    }

    static MultiTaskDataset regression(String name, List<Task> tasks, int d) {
        return new MultiTaskDataset(name, featureNames(d), TargetType.REGRESSION, List.of(), tasks);
    }

    static MultiTaskDataset classification(String name, List<Task> tasks, int d, int classes) {
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            labels.add("c" + c);
        }
        return new MultiTaskDataset(name, featureNames(d), TargetType.CLASSIFICATION, labels, tasks);
    }

    /** n rows of y = w·x + b + N(0, 1/β), x ~ N(0, I). */
    static Task linearTask(String name, double[] w, double b, double beta, int n, Random r) {
        int d = w.length;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b;
            for (int j = 0; j < d; j++) {
                x[i][j] = r.nextGaussian();
                s += w[j] * x[i][j];
            }
            y[i] = s + r.nextGaussian() / Math.sqrt(beta);
        }
        return Task.of(name, x, y);
    }

    /** n rows with t ~ Bernoulli(σ(w·x + b)), x ~ N(0, I). */
    static Task logisticTask(String name, double[] w, double b, int n, Random r) {
        int d = w.length;
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b;
            for (int j = 0; j < d; j++) {
                x[i][j] = r.nextGaussian();
                s += w[j] * x[i][j];
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
        }
        return Task.of(name, x, y);
    }

    static double[] gaussianVector(int d, double sd, Random r) {
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = sd * r.nextGaussian();
        }
        return w;
    }

    /** sqrt of the mean squared error over all rows of all tasks. */
    static double rmse(FittedModel model, MultiTaskDataset test) {
        double se = 0;
        long n = 0;
        for (int t = 0; t < test.taskCount(); t++) {
            Task task = test.task(t);
            Prediction.Regression p = (Prediction.Regression) model.predict(t, task.x());
            for (int i = 0; i < task.size(); i++) {
                double e = p.mean()[i] - task.y(i);
                se += e * e;
            }
            n += task.size();
        }
        return Math.sqrt(se / n);
    }

    /** Mean over rows of −log p(true class). */
    static double logLoss(FittedModel model, MultiTaskDataset test) {
        double s = 0;
        long n = 0;
        for (int t = 0; t < test.taskCount(); t++) {
            Task task = test.task(t);
            Prediction.Classification p = (Prediction.Classification) model.predict(t, task.x());
            for (int i = 0; i < task.size(); i++) {
                s -= Math.log(Math.max(p.probabilities()[i][(int) task.y(i)], 1e-300));
            }
            n += task.size();
        }
        return s / n;
    }

    /** Area under the ROC curve of scores for labels (1 = positive), ties counted half. */
    static double auc(double[] score, double[] label) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        // average ranks over ties, then the Mann–Whitney statistic
        double[] rank = new double[score.length];
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && score[idx[j + 1]] == score[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[idx[k]] = avg;
            }
            i = j + 1;
        }
        double pos = 0;
        double rankSum = 0;
        for (int k = 0; k < label.length; k++) {
            if (label[k] == 1) {
                pos++;
                rankSum += rank[k];
            }
        }
        double neg = label.length - pos;
        return (rankSum - pos * (pos + 1) / 2) / (pos * neg);
    }
}
