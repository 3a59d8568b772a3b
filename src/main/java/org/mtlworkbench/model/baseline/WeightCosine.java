package org.mtlworkbench.model.baseline;

import java.util.List;
import org.mtlworkbench.relatedness.TaskMatrix;

/** The cosine similarity of the tasks' posterior-mean weight vectors, as a symmetric {@link TaskMatrix}. */
final class WeightCosine {

    static final String TITLE = "cosine similarity of task weights";

    private WeightCosine() {
    }

    /** {@code weights[t]} is task t's weight vector; a zero vector has similarity 0 to the others and 1 to itself. */
    static TaskMatrix of(List<String> tasks, double[][] weights) {
        int t = weights.length;
        double[] norm = new double[t];
        for (int i = 0; i < t; i++) {
            norm[i] = Math.sqrt(dot(weights[i], weights[i]));
        }
        double[][] v = new double[t][t];
        for (int i = 0; i < t; i++) {
            v[i][i] = 1;
            for (int j = 0; j < i; j++) {
                double c = norm[i] > 0 && norm[j] > 0 ? dot(weights[i], weights[j]) / (norm[i] * norm[j]) : 0;
                c = Math.max(-1, Math.min(1, c));
                v[i][j] = c;
                v[j][i] = c;
            }
        }
        return new TaskMatrix(TITLE, tasks, v, true);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
