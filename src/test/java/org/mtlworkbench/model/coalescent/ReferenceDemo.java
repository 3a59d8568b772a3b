package org.mtlworkbench.model.coalescent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;

/**
 * The reference library's coalescent demo (ALGORITHMS.md §1.3, {@code coalescent_example.ipynb}), redrawn here with
 * Java's generator: R = corr(IW(df = 10, I₁₀)); a random binary merge tree over K = 20 tasks with Exp(1) branch
 * lengths; root log-stds ~ N(0, I), child = parent + N(0, (0.1·branch)²) (sd proportional to the branch, as the
 * notebook draws it); w_k ~ N(0, S_k R S_k); noise sd = 1.5·max_j w_kj; 40 training rows and 40 test rows of
 * N(0, I) inputs, the same rows for every task (as in the notebook); no intercept.
 */
final class ReferenceDemo {

    static final int TASKS = 20;
    static final int ROWS = 40;
    static final int INPUTS = 10;

    final MultiTaskDataset train;
    final MultiTaskDataset test;
    final double[][] trueWeights;

    private ReferenceDemo(MultiTaskDataset train, MultiTaskDataset test, double[][] trueWeights) {
        this.train = train;
        this.test = test;
        this.trueWeights = trueWeights;
    }

    static ReferenceDemo generate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 7919 + 17);
        double[][] r = CoalescentEm.correlation(inverseWishartIdentity(rng, INPUTS, INPUTS));
        double[][] rChol = Dense.cholesky(r);
        // Random binary merges: node ids 0..K−1 leaves, then merges; each child gets an Exp(1) branch.
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            alive.add(i);
        }
        int nodes = 2 * TASKS - 1;
        int[] parent = new int[nodes];
        double[] branch = new double[nodes];
        int next = TASKS;
        while (alive.size() > 1) {
            int a = alive.remove(rng.nextInt(alive.size()));
            int b = alive.remove(rng.nextInt(alive.size()));
            parent[a] = next;
            parent[b] = next;
            branch[a] = -Math.log(1 - rng.nextDouble());
            branch[b] = -Math.log(1 - rng.nextDouble());
            alive.add(next++);
        }
        double[][] s = new double[nodes][];
        s[nodes - 1] = gaussian(rng, INPUTS, 1);
        for (int n = nodes - 2; n >= 0; n--) {
            double[] e = gaussian(rng, INPUTS, 0.1 * branch[n]);
            s[n] = new double[INPUTS];
            for (int j = 0; j < INPUTS; j++) {
                s[n][j] = s[parent[n]][j] + e[j];
            }
        }
        double[][] w = new double[TASKS][];
        double[] noise = new double[TASKS];
        for (int k = 0; k < TASKS; k++) {
            double[] z = Dense.multiply(rChol, gaussian(rng, INPUTS, 1));
            w[k] = new double[INPUTS];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < INPUTS; j++) {
                w[k][j] = Math.exp(s[k][j]) * z[j];
                max = Math.max(max, w[k][j]);
            }
            noise[k] = 1.5 * max;
        }
        double[][] xTrain = matrix(rng, ROWS, INPUTS);
        double[][] xTest = matrix(rng, ROWS, INPUTS);
        List<Task> trainTasks = new ArrayList<>();
        List<Task> testTasks = new ArrayList<>();
        for (int k = 0; k < TASKS; k++) {
            String name = String.format("t%02d", k + 1);
            trainTasks.add(Task.of(name, xTrain, targets(rng, xTrain, w[k], noise[k])));
            testTasks.add(Task.of(name, xTest, targets(rng, xTest, w[k], noise[k])));
        }
        List<String> features = new ArrayList<>();
        for (int j = 1; j <= INPUTS; j++) {
            features.add("x" + j);
        }
        return new ReferenceDemo(
                new MultiTaskDataset("demo-train", features, TargetType.REGRESSION, List.of(), trainTasks),
                new MultiTaskDataset("demo-test", features, TargetType.REGRESSION, List.of(), testTasks), w);
    }

    /** Mean over tasks of the test R² (1 − SSE/SST around the test mean, as sklearn's r2_score). */
    static double meanR2(MultiTaskDataset test, java.util.function.BiFunction<Integer, double[][], double[]> predict) {
        double sum = 0;
        for (int k = 0; k < test.taskCount(); k++) {
            Task t = test.task(k);
            double[] p = predict.apply(k, t.x());
            double mean = 0;
            for (int i = 0; i < t.size(); i++) {
                mean += t.y(i) / t.size();
            }
            double sse = 0;
            double sst = 0;
            for (int i = 0; i < t.size(); i++) {
                sse += (t.y(i) - p[i]) * (t.y(i) - p[i]);
                sst += (t.y(i) - mean) * (t.y(i) - mean);
            }
            sum += 1 - sse / sst;
        }
        return sum / test.taskCount();
    }

    /** Per-task least squares without intercept. */
    static double[] leastSquares(Task t) {
        double[][] xtx = new double[INPUTS][INPUTS];
        double[] xty = new double[INPUTS];
        double[][] x = t.x();
        for (int i = 0; i < t.size(); i++) {
            Dense.addOuter(xtx, x[i], 1);
            for (int j = 0; j < INPUTS; j++) {
                xty[j] += x[i][j] * t.y(i);
            }
        }
        return Dense.solve(Dense.cholesky(xtx), xty);
    }

    static double[] linear(double[][] x, double[] w) {
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = Dense.dot(x[i], w);
        }
        return p;
    }

    private static double[] targets(SplittableRandom rng, double[][] x, double[] w, double sd) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Dense.dot(x[i], w) + sd * normal(rng);
        }
        return y;
    }

    /** IW(df, I): the inverse of a Wishart(df, I) draw, the sum of df outer products of N(0, I) vectors. */
    private static double[][] inverseWishartIdentity(SplittableRandom rng, int d, int df) {
        double[][] w = new double[d][d];
        for (int i = 0; i < df; i++) {
            Dense.addOuter(w, gaussian(rng, d, 1), 1);
        }
        return Dense.inverse(Dense.cholesky(w));
    }

    private static double[][] matrix(SplittableRandom rng, int n, int d) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = gaussian(rng, d, 1);
        }
        return x;
    }

    static double[] gaussian(SplittableRandom rng, int d, double sd) {
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = sd * normal(rng);
        }
        return g;
    }

    static double normal(SplittableRandom rng) {
        double u1 = 1 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
