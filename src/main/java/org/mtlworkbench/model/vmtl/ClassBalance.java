package org.mtlworkbench.model.vmtl;

import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;

/**
 * The class-balanced likelihood (parameter {@code classWeighting=balanced}): each training row of task t with class
 * c counts N_t / (C · N_tc), so that every class present in a task carries the same total weight. With ~6 %
 * positives (landmine) the unweighted likelihood is dominated by the negatives, and at 2–3 positives per task the
 * classifier barely moves from "no". A balanced fit estimates the logits of the balanced problem, log p(c|x) −
 * log π_tc + const; predictions add log π_tc back so that probabilities keep the task's base rate (accuracy and
 * NLPD stay those of a calibrated model, the ranking behind AUC is the balanced fit's).
 */
final class ClassBalance {

    private ClassBalance() {
    }

    /** Per task, the fraction of its training rows in each class, [T][C] (zeros for an empty task). */
    static double[][] frequencies(MultiTaskDataset data) {
        int c = data.classCount();
        double[][] f = new double[data.taskCount()][c];
        for (int t = 0; t < f.length; t++) {
            Task task = data.task(t);
            for (int r = 0; r < task.size(); r++) {
                f[t][(int) task.y(r)] += 1.0 / task.size();
            }
        }
        return f;
    }

    /** The weights 1 / (C · π_tc), row-major [T·C]; 1 for a class absent from a task (no row carries it). */
    static float[] weights(double[][] frequencies) {
        int c = frequencies[0].length;
        float[] w = new float[frequencies.length * c];
        for (int t = 0; t < frequencies.length; t++) {
            for (int k = 0; k < c; k++) {
                double pi = frequencies[t][k];
                w[t * c + k] = pi > 0 ? (float) (1 / (c * pi)) : 1f;
            }
        }
        return w;
    }

    /**
     * The shift log π_tc added to the logits at prediction (the balanced fit's uniform class prior replaced by the
     * task's own); a class absent from a task's training rows (frequency 0, log −∞) gets half the task's smallest
     * present frequency.
     */
    static double[][] logPriorShift(double[][] frequencies) {
        double[][] shift = new double[frequencies.length][];
        for (int t = 0; t < frequencies.length; t++) {
            double smallest = 1;
            for (double pi : frequencies[t]) {
                if (pi > 0) {
                    smallest = Math.min(smallest, pi);
                }
            }
            shift[t] = new double[frequencies[t].length];
            for (int k = 0; k < shift[t].length; k++) {
                double pi = frequencies[t][k];
                shift[t][k] = Math.log(pi > 0 ? pi : smallest / 2);
            }
        }
        return shift;
    }
}
