package org.mtlworkbench.model.sparse;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;

/**
 * The training data reduced to what the model needs, with features in grouped order: per task the centred
 * Gram matrix X_pᵀX_p, X_pᵀy_p and y_pᵀy_p, with targets centred and scaled per task (so the isotropic noise
 * σ²I_P does not let the task with the largest units dominate).
 *
 * <p>Because the noise is independent across tasks, the likelihood factorises over tasks: a task need not observe
 * the same rows as another (a row a task lacks is a missing output). When every task has the very same input rows
 * in the same order, the Gram matrices coincide and q(W) needs one D×D inverse instead of one per task; then the
 * shared centred design is kept too, for the dual form when D &gt; N.
 */
final class TaskData {

    final int tasks;
    final int features;
    final int[] rows;
    final int[] perm;
    /** Per task: feature means (grouped order), target mean and scale. */
    final double[][] xMean;
    final double[] yMean;
    final double[] yScale;
    /** X_pᵀX_p per task, or a single one when inputs are shared. */
    final DMatrixRMaj[] gram;
    /** D × P, column p = X_pᵀ y_p. */
    final DMatrixRMaj xty;
    final double[] yty;
    final boolean shared;
    /** The shared centred design N × D (grouped order), or null when inputs differ. */
    final DMatrixRMaj sharedX;

    private TaskData(int tasks, int features, int[] rows, int[] perm, double[][] xMean, double[] yMean,
                     double[] yScale, DMatrixRMaj[] gram, DMatrixRMaj xty, double[] yty, DMatrixRMaj sharedX) {
        this.tasks = tasks;
        this.features = features;
        this.rows = rows;
        this.perm = perm;
        this.xMean = xMean;
        this.yMean = yMean;
        this.yScale = yScale;
        this.gram = gram;
        this.xty = xty;
        this.yty = yty;
        this.shared = sharedX != null;
        this.sharedX = sharedX;
    }

    static TaskData of(MultiTaskDataset ds, int[] perm) {
        int p = ds.taskCount();
        int d = perm.length;
        boolean shared = sharesInputs(ds);
        int[] rows = new int[p];
        double[][] xMean = new double[p][d];
        double[] yMean = new double[p];
        double[] yScale = new double[p];
        DMatrixRMaj[] gram = new DMatrixRMaj[shared ? 1 : p];
        DMatrixRMaj xty = new DMatrixRMaj(d, p);
        double[] yty = new double[p];
        DMatrixRMaj sharedX = null;
        for (int t = 0; t < p; t++) {
            Task task = ds.task(t);
            int n = task.size();
            rows[t] = n;
            DMatrixRMaj x = new DMatrixRMaj(n, d);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < d; k++) {
                    x.set(i, k, task.x(i, perm[k]));
                }
                y[i] = task.y(i);
            }
            for (int k = 0; k < d; k++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x.get(i, k);
                }
                xMean[t][k] = n == 0 ? 0 : s / n;
                for (int i = 0; i < n; i++) {
                    x.add(i, k, -xMean[t][k]);
                }
            }
            double mean = n == 0 ? 0 : Arrays.stream(y).sum() / n;
            double ss = 0;
            for (double v : y) {
                ss += (v - mean) * (v - mean);
            }
            double sd = n < 2 ? 1 : Math.sqrt(ss / (n - 1));
            yMean[t] = mean;
            yScale[t] = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 1.0;
            DMatrixRMaj yv = new DMatrixRMaj(n, 1);
            for (int i = 0; i < n; i++) {
                yv.set(i, 0, (y[i] - mean) / yScale[t]);
                yty[t] += yv.get(i, 0) * yv.get(i, 0);
            }
            DMatrixRMaj b = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.multTransA(x, yv, b);
            for (int k = 0; k < d; k++) {
                xty.set(k, t, b.get(k, 0));
            }
            if (!shared || t == 0) {
                DMatrixRMaj g = new DMatrixRMaj(d, d);
                CommonOps_DDRM.multTransA(x, x, g);
                gram[shared ? 0 : t] = g;
                if (shared) {
                    sharedX = x;
                }
            }
        }
        return new TaskData(p, d, rows, perm, xMean, yMean, yScale, gram, xty, yty, sharedX);
    }

    /** Whether every task has the same input rows in the same order (multi-output regression). */
    static boolean sharesInputs(MultiTaskDataset ds) {
        Task first = ds.task(0);
        for (Task t : ds.tasks()) {
            if (t.size() != first.size()) {
                return false;
            }
            for (int i = 0; i < t.size(); i++) {
                for (int j = 0; j < ds.featureCount(); j++) {
                    if (Double.compare(t.x(i, j), first.x(i, j)) != 0) {
                        return false;
                    }
                }
            }
        }
        return first.size() > 0;
    }

    DMatrixRMaj gram(int task) {
        return gram[shared ? 0 : task];
    }

    int totalRows() {
        return Arrays.stream(rows).sum();
    }
}
