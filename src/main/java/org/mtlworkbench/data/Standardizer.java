package org.mtlworkbench.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-feature centring and scaling fitted on training rows (of all tasks pooled), applied unchanged to test rows
 * and to new inputs, so nothing about the test rows leaks into training.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] scale;

    private Standardizer(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** The identity transformation for {@code d} features. */
    public static Standardizer identity(int d) {
        double[] m = new double[d];
        double[] s = new double[d];
        java.util.Arrays.fill(s, 1.0);
        return new Standardizer(m, s);
    }

    /** Fits means and standard deviations on every row of every task; constant features keep scale 1. */
    public static Standardizer fit(MultiTaskDataset train) {
        int d = train.featureCount();
        double[] sum = new double[d];
        double[] sumSq = new double[d];
        long n = 0;
        for (Task t : train.tasks()) {
            for (int i = 0; i < t.size(); i++) {
                for (int j = 0; j < d; j++) {
                    double v = t.x(i, j);
                    sum[j] += v;
                    sumSq[j] += v * v;
                }
            }
            n += t.size();
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] = n == 0 ? 0 : sum[j] / n;
            double var = n < 2 ? 0 : Math.max(0, (sumSq[j] - n * mean[j] * mean[j]) / (n - 1));
            double sd = Math.sqrt(var);
            scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean[j])) ? sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    public double[] apply(double[] row) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - mean[j]) / scale[j];
        }
        return out;
    }

    public double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(rows[i]);
        }
        return out;
    }

    public Task apply(Task t) {
        return new Task(t.name(), apply(t.x()), t.y(), t.rowIds());
    }

    public MultiTaskDataset apply(MultiTaskDataset ds) {
        List<Task> out = new ArrayList<>(ds.taskCount());
        for (Task t : ds.tasks()) {
            out.add(apply(t));
        }
        return ds.withTasks(ds.name(), out);
    }
}
