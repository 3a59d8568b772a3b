package org.mtlworkbench.model.coalescent;

import java.util.ArrayList;
import java.util.List;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitFailedException;

/**
 * One task's training rows as the leaf updates need them: inputs with an optional intercept column, targets
 * shifted and scaled by one pooled mean and sd shared by all tasks (regression, optional) so that the priors are
 * unit-free while the tasks' weights stay comparable, and the Gram statistics.
 */
final class TaskData {

    final double[][] x;
    final double[] y;
    final double yMean;
    final double yScale;
    final double[][] xtx;
    final double[] xty;
    final double yty;
    final boolean intercept;

    private TaskData(double[][] x, double[] y, double yMean, double yScale, boolean intercept) {
        this.x = x;
        this.y = y;
        this.yMean = yMean;
        this.yScale = yScale;
        this.intercept = intercept;
        int d = x.length == 0 ? 0 : x[0].length;
        xtx = new double[d][d];
        xty = new double[d];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            Dense.addOuter(xtx, x[i], 1);
            for (int j = 0; j < d; j++) {
                xty[j] += x[i][j] * y[i];
            }
            s += y[i] * y[i];
        }
        yty = s;
    }

    int size() {
        return y.length;
    }

    /** Inputs of new rows in the model's coordinates (intercept appended when used). */
    static double[] design(double[] row, boolean intercept) {
        if (!intercept) {
            return row;
        }
        double[] z = java.util.Arrays.copyOf(row, row.length + 1);
        z[row.length] = 1;
        return z;
    }

    static List<TaskData> of(MultiTaskDataset ds, boolean intercept, boolean scaleTargets) {
        if (ds.isClassification() && ds.classCount() != 2) {
            throw new FitFailedException("the coalescent models take binary classification only, not "
                    + ds.classCount() + " classes");
        }
        // One shift and one scale for all tasks: per-task scaling would rescale each task's weight vector by its own
        // factor, so tasks that share weights would no longer look alike (it broke tree recovery). The scale is the
        // pooled within-task sd; the shift (the pooled mean) is used only with an intercept to absorb it.
        double mean = 0;
        double scale = 1;
        if (!ds.isClassification() && scaleTargets) {
            double sum = 0;
            long count = 0;
            double within = 0;
            for (Task t : ds.tasks()) {
                double m = 0;
                for (int i = 0; i < t.size(); i++) {
                    m += t.y(i) / t.size();
                    sum += t.y(i);
                }
                for (int i = 0; i < t.size(); i++) {
                    within += (t.y(i) - m) * (t.y(i) - m);
                }
                count += t.size();
            }
            long dof = count - ds.taskCount();
            double sd = dof > 0 ? Math.sqrt(within / dof) : 0;
            scale = sd > 1e-12 ? sd : 1;
            mean = intercept && count > 0 ? sum / count : 0;
        }
        List<TaskData> out = new ArrayList<>();
        int d = ds.featureCount();
        for (Task t : ds.tasks()) {
            int n = t.size();
            double[][] x = new double[n][];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double[] row = new double[d];
                for (int j = 0; j < d; j++) {
                    row[j] = t.x(i, j);
                }
                x[i] = design(row, intercept);
                y[i] = (t.y(i) - mean) / scale;
            }
            out.add(new TaskData(x, y, mean, scale, intercept));
        }
        return out;
    }
}
