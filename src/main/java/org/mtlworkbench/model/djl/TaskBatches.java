package org.mtlworkbench.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;

/**
 * Draws one batch of every task per step, stacked into [T, B, …] arrays with a row mask, so that tasks of
 * different sizes go through one computation: a task with fewer rows than B fills the rest with masked padding.
 * Each task's sums are scaled by N_t / n_t (rows in the task over rows drawn) so that the loss estimates the sum
 * over the whole task. Regression targets are standardised with the pooled training mean and sd.
 */
public final class TaskBatches {

    private final int tasks;
    private final int inputs;
    private final int outputs;
    private final boolean regression;
    private final int batch;
    private final float[][][] x;
    private final float[][] y;
    private final double targetMean;
    private final double targetSd;
    private final boolean everyRow;

    /** One drawn batch, as device arrays in the step manager. */
    public record Batch(NDArray x, NDArray target, NDArray mask, NDArray scale) {
    }

    public TaskBatches(MultiTaskDataset data, int batchSize) {
        tasks = data.taskCount();
        inputs = data.featureCount();
        regression = !data.isClassification();
        outputs = regression ? 1 : data.classCount();
        int maxRows = 0;
        for (Task t : data.tasks()) {
            maxRows = Math.max(maxRows, t.size());
        }
        batch = Math.max(1, batchSize == 0 ? maxRows : Math.min(batchSize, maxRows));
        everyRow = batchSize == 0 || batchSize >= maxRows;
        x = new float[tasks][][];
        y = new float[tasks][];
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int t = 0; t < tasks; t++) {
            Task task = data.task(t);
            x[t] = new float[task.size()][inputs];
            y[t] = new float[task.size()];
            for (int r = 0; r < task.size(); r++) {
                for (int c = 0; c < inputs; c++) {
                    x[t][r][c] = (float) task.x(r, c);
                }
                double v = task.y(r);
                y[t][r] = (float) v;
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double var = n < 2 ? 1 : (sumSq - n * mean * mean) / (n - 1);
        targetMean = regression ? mean : 0;
        targetSd = regression && var > 1e-24 ? Math.sqrt(var) : 1;
        if (regression) {
            for (float[] yt : y) {
                for (int r = 0; r < yt.length; r++) {
                    yt[r] = (float) ((yt[r] - targetMean) / targetSd);
                }
            }
        }
    }

    public int batchRows() {
        return batch;
    }

    /** Whether every step sees every row (then the batch never changes). */
    public boolean everyRow() {
        return everyRow;
    }

    public double targetMean() {
        return targetMean;
    }

    public double targetSd() {
        return targetSd;
    }

    public int rows(int task) {
        return y[task].length;
    }

    /** Draws a batch (without replacement within a task) into {@code m}. */
    public Batch next(NDManager m, SplittableRandom rng) {
        return next(m, rng, 0);
    }

    /**
     * Draws a batch and drops each input value with probability {@code dropout}, scaling the kept ones by
     * 1/(1 − dropout) (inverted dropout, so predictions use the inputs as they are).
     */
    public Batch next(NDManager m, SplittableRandom rng, double dropout) {
        float[] bx = new float[tasks * batch * inputs];
        float[] by = new float[tasks * batch * (regression ? 1 : outputs)];
        float[] mask = new float[tasks * batch];
        float[] scale = new float[tasks];
        for (int t = 0; t < tasks; t++) {
            int n = y[t].length;
            int take = Math.min(n, batch);
            int[] rows = choose(n, take, rng);
            for (int k = 0; k < take; k++) {
                int r = rows[k];
                int slot = t * batch + k;
                System.arraycopy(x[t][r], 0, bx, slot * inputs, inputs);
                if (dropout > 0) {
                    float keep = (float) (1 / (1 - dropout));
                    for (int c = slot * inputs; c < (slot + 1) * inputs; c++) {
                        bx[c] = rng.nextDouble() < dropout ? 0f : bx[c] * keep;
                    }
                }
                if (regression) {
                    by[slot] = y[t][r];
                } else {
                    by[slot * outputs + (int) y[t][r]] = 1f;
                }
                mask[slot] = 1f;
            }
            scale[t] = take == 0 ? 0f : (float) n / take;
        }
        Shape yShape = regression ? new Shape(tasks, batch) : new Shape(tasks, batch, outputs);
        return new Batch(m.create(bx, new Shape(tasks, batch, inputs)), m.create(by, yShape),
                m.create(mask, new Shape(tasks, batch)), m.create(scale, new Shape(tasks)));
    }

    /** The first {@code take} entries of a random permutation of 0..n−1 (all of them, in order, when take = n). */
    private static int[] choose(int n, int take, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (take == n) {
            return idx;
        }
        for (int i = 0; i < take; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        return idx;
    }
}
