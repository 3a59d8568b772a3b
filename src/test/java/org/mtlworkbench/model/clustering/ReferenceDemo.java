package org.mtlworkbench.model.clustering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;

/**
 * The Python reference library's demo set-up (ALGORITHMS.md §1.5): 10 tasks, 50 training and 300 test rows, 5
 * inputs standardised per task on its training rows, a true network with 4 hidden units (tanh or linear) and
 * weights W ~ N(0, 1), noise 0.1; task weights from one Gaussian N([0.1, 1.5, −1.5, 2, 4], 0.5 I), from two
 * clusters (centres N(0, 2²) + 3·index, spread 0.1 I, task i in cluster i mod 2), or from a gate
 * (U ~ N(0, 1.5²), 3 task features ~ N(0, 1), cluster = argmax softmax(U f)).
 */
public final class ReferenceDemo {

    /** Which prior the task weights are drawn from. */
    public enum Prior { SINGLE, CLUSTERED, GATED }

    static final int TASKS = 10;
    static final int TRAIN = 50;
    static final int TEST = 300;
    static final int INPUTS = 5;
    static final int HIDDEN = 4;
    static final double NOISE = 0.1;
    static final double[] SINGLE_MEAN = {0.1, 1.5, -1.5, 2, 4};

    public final MultiTaskDataset train;
    public final MultiTaskDataset test;

    private ReferenceDemo(MultiTaskDataset train, MultiTaskDataset test) {
        this.train = train;
        this.test = test;
    }

    public static ReferenceDemo generate(Prior prior, boolean tanh, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] w = gaussian(rng, HIDDEN, INPUTS + 1, 1.0);
        double[][] centres = new double[2][HIDDEN + 1];
        for (int c = 0; c < 2; c++) {
            for (int j = 0; j <= HIDDEN; j++) {
                centres[c][j] = 2 * rng.nextGaussian() + 3 * c;
            }
        }
        double[][] u = gaussian(rng, 2, 3, 1.5);
        List<Task> trainTasks = new ArrayList<>();
        List<Task> testTasks = new ArrayList<>();
        Map<String, double[]> features = new LinkedHashMap<>();
        for (int i = 0; i < TASKS; i++) {
            double[] f = gaussian(rng, 1, 3, 1.0)[0];
            double[] mean;
            double sd;
            if (prior == Prior.SINGLE) {
                mean = SINGLE_MEAN;
                sd = Math.sqrt(0.5);
            } else {
                int c = prior == Prior.CLUSTERED ? i % 2 : argmaxGate(u, f);
                mean = centres[c];
                sd = Math.sqrt(0.1);
            }
            double[] a = new double[HIDDEN + 1];
            for (int j = 0; j <= HIDDEN; j++) {
                a[j] = mean[j] + sd * rng.nextGaussian();
            }
            double[][] xTrain = gaussian(rng, TRAIN, INPUTS, 1.0);
            double[][] xTest = gaussian(rng, TEST, INPUTS, 1.0);
            standardiseOnFirst(xTrain, xTest);
            String name = "task" + i;
            trainTasks.add(Task.of(name, xTrain, targets(rng, xTrain, w, a, tanh)));
            testTasks.add(Task.of(name, xTest, targets(rng, xTest, w, a, tanh)));
            features.put(name, f);
        }
        List<String> names = List.of("x1", "x2", "x3", "x4", "x5");
        List<String> fNames = List.of("f1", "f2", "f3");
        return new ReferenceDemo(
                new MultiTaskDataset("demo-train", names, TargetType.REGRESSION, List.of(), trainTasks, fNames,
                        features),
                new MultiTaskDataset("demo-test", names, TargetType.REGRESSION, List.of(), testTasks, fNames,
                        features));
    }

    /** Mean over tasks of the per-task test MSE, as the reference notebook computes it. */
    double testMse(HbFitted fit) {
        double total = 0;
        for (int i = 0; i < test.taskCount(); i++) {
            Task t = test.task(i);
            double[] mean = ((org.mtlworkbench.model.Prediction.Regression) fit.predict(i, t.x())).mean();
            double s = 0;
            for (int r = 0; r < t.size(); r++) {
                s += (t.y(r) - mean[r]) * (t.y(r) - mean[r]);
            }
            total += s / t.size();
        }
        return total / test.taskCount();
    }

    private static int argmaxGate(double[][] u, double[] f) {
        double best = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int c = 0; c < u.length; c++) {
            double s = 0;
            for (int j = 0; j < f.length; j++) {
                s += u[c][j] * f[j];
            }
            if (s > best) {
                best = s;
                arg = c;
            }
        }
        return arg;
    }

    private static double[] targets(SplittableRandom rng, double[][] x, double[][] w, double[] a, boolean tanh) {
        double[] y = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            double out = a[HIDDEN];
            for (int h = 0; h < HIDDEN; h++) {
                double act = w[h][INPUTS];
                for (int j = 0; j < INPUTS; j++) {
                    act += w[h][j] * x[r][j];
                }
                out += a[h] * (tanh ? Math.tanh(act) : act);
            }
            y[r] = out + NOISE * rng.nextGaussian();
        }
        return y;
    }

    private static void standardiseOnFirst(double[][] fitOn, double[][] other) {
        int d = fitOn[0].length;
        for (int j = 0; j < d; j++) {
            double s = 0;
            double ss = 0;
            for (double[] r : fitOn) {
                s += r[j];
                ss += r[j] * r[j];
            }
            double mean = s / fitOn.length;
            double sd = Math.sqrt(ss / fitOn.length - mean * mean); // StandardScaler: population sd
            for (double[] r : fitOn) {
                r[j] = (r[j] - mean) / sd;
            }
            for (double[] r : other) {
                r[j] = (r[j] - mean) / sd;
            }
        }
    }

    private static double[][] gaussian(SplittableRandom rng, int rows, int cols, double sd) {
        double[][] m = new double[rows][cols];
        for (double[] r : m) {
            for (int j = 0; j < cols; j++) {
                r[j] = sd * rng.nextGaussian();
            }
        }
        return m;
    }
}
