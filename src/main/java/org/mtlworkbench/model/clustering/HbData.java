package org.mtlworkbench.model.clustering;

import java.util.ArrayList;
import java.util.List;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitFailedException;

/**
 * The training data as the model sees it: inputs with a trailing 1, the target standardised over all tasks
 * (so the noise floor and covariance prior are in units of the target's spread), and the per-task feature
 * vectors for the prior mean and the gate (z-scored over tasks, with a trailing 1).
 */
final class HbData {

    final List<String> taskNames;
    final int tasks;
    /** d + 1: the inputs and the constant 1. */
    final int inputs;
    /** x[i][row] = [x; 1]. */
    final double[][][] x;
    /** Standardised targets. */
    final double[][] y;
    final double yMean;
    final double yScale;
    /** Features of the prior mean, per task ([1] unless the mean depends on task features). */
    final double[][] meanFeatures;
    /** Features of the gate, per task ([1] unless gated). */
    final double[][] gateFeatures;
    final double[] taskFeatureMean;
    final double[] taskFeatureScale;

    private HbData(List<String> taskNames, double[][][] x, double[][] y, double yMean, double yScale,
                   double[][] meanFeatures, double[][] gateFeatures, double[] tfMean, double[] tfScale) {
        this.taskNames = List.copyOf(taskNames);
        this.tasks = taskNames.size();
        this.x = x;
        this.inputs = x.length == 0 || x[0].length == 0 ? -1 : x[0][0].length;
        this.y = y;
        this.yMean = yMean;
        this.yScale = yScale;
        this.meanFeatures = meanFeatures;
        this.gateFeatures = gateFeatures;
        this.taskFeatureMean = tfMean;
        this.taskFeatureScale = tfScale;
    }

    static HbData prepare(MultiTaskDataset train, HbVariant variant) {
        if (train.isClassification()) {
            throw new FitFailedException(variant.id + " is a regression model (Gaussian likelihood); data set "
                    + train.name() + " has a classification target");
        }
        int n = train.taskCount();
        int d = train.featureCount();
        double sum = 0;
        double sumSq = 0;
        long rows = 0;
        for (Task t : train.tasks()) {
            for (int r = 0; r < t.size(); r++) {
                sum += t.y(r);
                sumSq += t.y(r) * t.y(r);
            }
            rows += t.size();
        }
        if (rows < 2) {
            throw new FitFailedException(variant.id + " needs at least two training rows, got " + rows);
        }
        double mean = sum / rows;
        double var = Math.max(0, (sumSq - rows * mean * mean) / (rows - 1));
        double scale = var > 1e-24 ? Math.sqrt(var) : 1.0;
        double[][][] x = new double[n][][];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
            Task t = train.task(i);
            x[i] = new double[t.size()][d + 1];
            y[i] = new double[t.size()];
            for (int r = 0; r < t.size(); r++) {
                for (int j = 0; j < d; j++) {
                    x[i][r][j] = t.x(r, j);
                }
                x[i][r][d] = 1.0;
                y[i][r] = (t.y(r) - mean) / scale;
            }
        }
        double[][] constant = new double[n][];
        for (int i = 0; i < n; i++) {
            constant[i] = new double[] {1.0};
        }
        double[][] features = constant;
        double[] fMean = new double[0];
        double[] fScale = new double[0];
        if (variant.needsTaskFeatures()) {
            double[][] raw = rawTaskFeatures(train, variant);
            int f = raw[0].length;
            fMean = new double[f];
            fScale = new double[f];
            for (int j = 0; j < f; j++) {
                double s = 0;
                double ss = 0;
                for (double[] r : raw) {
                    s += r[j];
                    ss += r[j] * r[j];
                }
                fMean[j] = s / n;
                double v = n > 1 ? Math.max(0, (ss - n * fMean[j] * fMean[j]) / (n - 1)) : 0;
                fScale[j] = v > 1e-24 ? Math.sqrt(v) : 1.0;
            }
            features = new double[n][];
            for (int i = 0; i < n; i++) {
                features[i] = standardiseFeatures(raw[i], fMean, fScale);
            }
        }
        return new HbData(train.taskNames(), x, y, mean, scale,
                variant.featureMean ? features : constant, variant.gate ? features : constant, fMean, fScale);
    }

    private static double[][] rawTaskFeatures(MultiTaskDataset train, HbVariant variant) {
        if (!train.hasTaskFeatures()) {
            throw new FitFailedException(variant.id + " needs task features (one row per task, keyed by the "
                    + "task column), but data set " + train.name() + " has none: load a task-feature CSV "
                    + "(on the command line: --tasks-file FILE)");
        }
        List<String> missing = new ArrayList<>();
        double[][] raw = new double[train.taskCount()][];
        for (int i = 0; i < train.taskCount(); i++) {
            String name = train.task(i).name();
            raw[i] = train.taskFeatures(name);
            if (raw[i] == null) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new FitFailedException(variant.id + " needs task features for every task; the task-feature "
                    + "table of " + train.name() + " has no row for task(s) "
                    + (missing.size() > 10 ? missing.subList(0, 10) + " …" : missing.toString()));
        }
        if (raw[0].length == 0) {
            throw new FitFailedException(variant.id + ": the task-feature table has no feature columns");
        }
        return raw;
    }

    static double[] standardiseFeatures(double[] raw, double[] mean, double[] scale) {
        if (raw.length != mean.length) {
            throw new IllegalArgumentException("expected " + mean.length + " task features, got " + raw.length);
        }
        double[] out = new double[raw.length + 1];
        for (int j = 0; j < raw.length; j++) {
            out[j] = (raw[j] - mean[j]) / scale[j];
        }
        out[raw.length] = 1.0;
        return out;
    }

    int rows(int task) {
        return y[task].length;
    }

    int totalRows() {
        int s = 0;
        for (double[] t : y) {
            s += t.length;
        }
        return s;
    }
}
